-- The cross-proxy event feed: a write that other proxies must learn about (a push that may wake a client blocked on
-- the key; later Pub/Sub messages and keyspace notifications) appends a row here in the same transaction as its data.
-- Each proxy with waiters polls it once per events.poll_ms; the event cleanup deletes rows older than
-- events.retention_secs. Unlike the data tables, the primary key is the id alone: the feed is read across tenants
-- in id order, with the gaps that concurrent writers leave tracked by the reader. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS events (
  id         BIGINT UNSIGNED   NOT NULL AUTO_INCREMENT,
  tenant     VARBINARY(255)    NOT NULL,
  db         SMALLINT UNSIGNED NOT NULL,
  -- 1 key ready (a list got elements); EventKind in the kernel
  kind       TINYINT UNSIGNED  NOT NULL,
  -- the key (or later the channel) the event is about
  topic      VARBINARY(2048)   NOT NULL,
  payload    LONGBLOB          NULL,
  -- the proxy that wrote it: it has already delivered the event to its own clients in memory
  origin     BIGINT UNSIGNED   NOT NULL,
  -- ms since the Unix epoch, by the writer's clock
  created_at BIGINT            NOT NULL,
  PRIMARY KEY (id),
  KEY events_created (created_at)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
