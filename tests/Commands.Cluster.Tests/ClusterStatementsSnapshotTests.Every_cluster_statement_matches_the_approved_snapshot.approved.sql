-- cluster.count_keys_in_slot
SELECT COUNT(*) FROM keyspace WHERE tenant = @tenant AND db = @db AND slot = @slot AND (expires_at IS NULL OR expires_at > @now);

-- cluster.keys_in_slot
SELECT k FROM keyspace WHERE tenant = @tenant AND db = @db AND slot = @slot AND (expires_at IS NULL OR expires_at > @now) ORDER BY k LIMIT @count;

-- cluster_nodes.forget_silent
DELETE FROM cluster_nodes WHERE (heartbeat_at < CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED) - @silent_ms);

-- cluster_nodes.heartbeat
INSERT INTO cluster_nodes (node_id, host, port, started_at, heartbeat_at, alive_ms) VALUES (@id, @host, @port, CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), @alive_ms) ON DUPLICATE KEY UPDATE heartbeat_at = CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), alive_ms = @alive_ms;

-- cluster_nodes.join
INSERT INTO cluster_nodes (node_id, host, port, started_at, heartbeat_at, alive_ms) VALUES (@id, @host, @port, CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), @alive_ms) ON DUPLICATE KEY UPDATE started_at = CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), heartbeat_at = CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), alive_ms = @alive_ms;

-- cluster_nodes.leave
DELETE FROM cluster_nodes WHERE node_id = @id;

-- cluster_nodes.live
SELECT node_id, host, port, heartbeat_at FROM cluster_nodes WHERE (heartbeat_at > CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED) - alive_ms);

