-- Pub/Sub subscriptions, counted per proxy: one row per (tenant, kind, channel or pattern, proxy) with how many of that
-- proxy's clients hold it. PUBLISH answers, and PUBSUB counts, from the rows of live proxies (joined with the kernel's
-- proxies table), so a dead proxy's subscriptions stop counting within two heartbeats; its rows are deleted when it
-- shuts down, or by the Pub/Sub cleanup once it has been silent for cleanup.pubsub_idle_secs. Messages themselves are
-- rows of the kernel's events table: one per PUBLISH, whatever the number of subscribers.
-- kind: 1 channel, 2 pattern, 3 shard channel. Binary-safe; safe to apply more than once.
CREATE TABLE IF NOT EXISTS pubsub_subscriptions (
  tenant   VARBINARY(255)   NOT NULL,
  kind     TINYINT UNSIGNED NOT NULL,
  name     VARBINARY(2048)  NOT NULL,
  proxy_id BIGINT UNSIGNED  NOT NULL,
  clients  INT              NOT NULL,
  PRIMARY KEY (tenant, kind, name, proxy_id),
  KEY pubsub_subscriptions_proxy (proxy_id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
