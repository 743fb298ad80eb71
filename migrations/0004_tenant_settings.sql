-- Settings a tenant changes with CONFIG SET and every proxy honours (notify-keyspace-events): one row per tenant and
-- setting. Proxies cache a value for a short time (NotificationSettings.CacheMs). Safe to apply more than once.
CREATE TABLE IF NOT EXISTS tenant_settings (
  tenant VARBINARY(255) NOT NULL,
  name   VARCHAR(64)    NOT NULL,
  value  VARBINARY(255) NOT NULL,
  PRIMARY KEY (tenant, name)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
