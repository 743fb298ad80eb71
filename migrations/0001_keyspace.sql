-- One row per key, for every family. Strings keep their value inline (v); collections hang child rows off id,
-- so deleting, expiring, renaming or overwriting a key touches only this row and a collector reclaims children.
-- Binary-safe: keys, tenants and values are VARBINARY/LONGBLOB. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS keyspace (
  tenant     VARBINARY(255)    NOT NULL,
  db         SMALLINT UNSIGNED NOT NULL,
  k          VARBINARY(2048)   NOT NULL,
  id         BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
  -- 1 string, 2 hash, 3 list, 4 set, 5 zset, 6 stream (KeyType in the kernel)
  type       TINYINT UNSIGNED  NOT NULL,
  -- absolute expiry in milliseconds since the Unix epoch; NULL = persistent
  expires_at BIGINT            NULL,
  v          LONGBLOB          NULL,
  PRIMARY KEY (tenant, db, k),
  UNIQUE KEY keyspace_id (id),
  KEY keyspace_scan (tenant, db, id),
  KEY keyspace_expiry (expires_at)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

-- What the proxy's `migrate` subcommand has applied (source/file name).
CREATE TABLE IF NOT EXISTS schema_migrations (
  name       VARCHAR(255) NOT NULL PRIMARY KEY,
  applied_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;
