-- pubsub.active_names
SELECT DISTINCT s.name FROM pubsub_subscriptions s JOIN proxies p ON p.id = s.proxy_id AND p.heartbeat_at > CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED) - @alive_ms WHERE s.tenant = @tenant AND s.kind = @kind AND s.clients > 0;

-- pubsub.add_clients_2
UPDATE pubsub_subscriptions SET clients = clients + @delta WHERE tenant = @tenant AND kind = @kind AND proxy_id = @proxy AND name IN (@n0, @n1);

-- pubsub.delete_unused
DELETE FROM pubsub_subscriptions WHERE tenant = @tenant AND proxy_id = @proxy AND clients <= 0;

-- pubsub.ensure_rows_2
INSERT IGNORE INTO pubsub_subscriptions (tenant, kind, name, proxy_id, clients) VALUES (@tenant, @kind, @name0, @proxy, 0), (@tenant, @kind, @name1, @proxy, 0);

-- pubsub.receivers
SELECT s.kind, s.name, SUM(s.clients) FROM pubsub_subscriptions s JOIN proxies p ON p.id = s.proxy_id AND p.heartbeat_at > CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED) - @alive_ms WHERE s.tenant = @tenant AND ((s.kind = @kind AND s.name = @channel) OR (@patterns = 1 AND s.kind = 2)) GROUP BY s.kind, s.name;

-- pubsub.sum_by_name_2
SELECT s.name, SUM(s.clients) FROM pubsub_subscriptions s FORCE INDEX (PRIMARY) JOIN proxies p ON p.id = s.proxy_id AND p.heartbeat_at > CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED) - @alive_ms WHERE s.tenant = @tenant AND s.kind = @kind AND s.name IN (@n0, @n1) GROUP BY s.name;

