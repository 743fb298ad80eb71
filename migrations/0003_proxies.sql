-- Every running proxy: its id (the origin it stamps on the events it writes) and a heartbeat by MySQL's own clock, in
-- ms since the Unix epoch, so proxies with skewed clocks agree on who is alive. A proxy heartbeats every
-- pubsub.heartbeat_secs and counts as alive for two heartbeats: what it keeps about its clients in proxy-owned
-- tables (Pub/Sub subscriptions) stops counting when it dies, and the Pub/Sub cleanup deletes it after
-- cleanup.pubsub_idle_secs. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS proxies (
  id           BIGINT UNSIGNED NOT NULL,
  started_at   BIGINT          NOT NULL,
  heartbeat_at BIGINT          NOT NULL,
  PRIMARY KEY (id),
  KEY proxies_heartbeat (heartbeat_at)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
