-- The cluster's nodes: one row per proxy running the cluster family, keyed by its node id (the SHA-1 of the address it
-- announces, so a restarted proxy keeps its id). Times are MySQL's clock in ms since the Unix epoch, so proxies with
-- skewed clocks agree on who is alive: a node is live while heartbeat_at > now - alive_ms (two of its heartbeats).
-- Every live node is a master; the slots are shared out among the live nodes by the proxies themselves. A node that
-- stops cleanly deletes its row; a row silent for an hour is deleted by any node's heartbeat. Holds nothing a tenant
-- wrote, so every tenant sees the same map. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS cluster_nodes (
  node_id      CHAR(40)     NOT NULL,
  host         VARCHAR(255) NOT NULL,
  port         INT          NOT NULL,
  started_at   BIGINT       NOT NULL,
  heartbeat_at BIGINT       NOT NULL,
  alive_ms     BIGINT       NOT NULL,
  PRIMARY KEY (node_id)
) ENGINE=InnoDB;
