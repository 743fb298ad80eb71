-- events.after
SELECT id, tenant, db, kind, topic, payload, origin FROM events WHERE id > @after ORDER BY id LIMIT @batch;

-- events.after_with_gaps_1
SELECT id, tenant, db, kind, topic, payload, origin FROM events WHERE (id > @after OR id IN (@g0)) ORDER BY id LIMIT @batch;

-- events.after_with_gaps_4
SELECT id, tenant, db, kind, topic, payload, origin FROM events WHERE (id > @after OR id IN (@g0, @g1, @g2, @g3)) ORDER BY id LIMIT @batch;

-- events.append
INSERT INTO events (tenant, db, kind, topic, payload, origin, created_at) VALUES (@tenant, @event_db, @kind, @topic, @payload, @origin, @now);

-- events.delete_older
DELETE FROM events WHERE created_at < @cutoff AND (kind NOT IN (2, 3)) LIMIT @batch;

-- events.delete_older_messages
DELETE FROM events WHERE created_at < @cutoff AND (kind IN (2, 3)) LIMIT @batch;

-- events.latest
SELECT id, tenant, db, kind, topic, payload, origin FROM events ORDER BY id DESC LIMIT @batch;

-- keyspace.delete_key
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k;

-- keyspace.insert_collection
INSERT INTO keyspace (tenant, db, k, type, slot) VALUES (@tenant, @db, @k, @type, @k__slot);

-- keyspace.insert_string
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k, 1, @v, @expires_at, @k__slot);

-- keyspace.insert_strings_1
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k0, 1, @v0, @expires_at0, @k__slot0);

-- keyspace.insert_strings_3
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k0, 1, @v0, @expires_at0, @k__slot0), (@tenant, @db, @k1, 1, @v1, @expires_at1, @k__slot1), (@tenant, @db, @k2, 1, @v2, @expires_at2, @k__slot2);

-- keyspace.select_for_update
SELECT id, type, expires_at, v FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k FOR UPDATE;

-- keyspace.select_id_and_type
SELECT id, type FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_live
SELECT id, type, expires_at, v FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.set_expiry
UPDATE keyspace SET expires_at = @expires_at, ver = ver + 1 WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.touch_1
UPDATE keyspace SET ver = ver + 1 WHERE tenant = @tenant AND db = @key_db AND k IN (@k0);

-- keyspace.touch_4
UPDATE keyspace SET ver = ver + 1 WHERE tenant = @tenant AND db = @key_db AND k IN (@k0, @k1, @k2, @k3);

-- keyspace.upsert_string
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k, 1, @v, @expires_at, @k__slot) ON DUPLICATE KEY UPDATE type = 1, v = @v, expires_at = @expires_at, ver = ver + 1;

-- keyspace.upsert_strings_1
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k0, 1, @v0, @expires_at0, @k__slot0) ON DUPLICATE KEY UPDATE type = 1, v = VALUES(v), expires_at = VALUES(expires_at), ver = ver + 1;

-- keyspace.upsert_strings_4
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k0, 1, @v0, @expires_at0, @k__slot0), (@tenant, @db, @k1, 1, @v1, @expires_at1, @k__slot1), (@tenant, @db, @k2, 1, @v2, @expires_at2, @k__slot2), (@tenant, @db, @k3, 1, @v3, @expires_at3, @k__slot3) ON DUPLICATE KEY UPDATE type = 1, v = VALUES(v), expires_at = VALUES(expires_at), ver = ver + 1;

-- lookup.delete_if_expired
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NOT NULL AND expires_at <= @now);

-- lookup.select_expiries_1
SELECT k, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0);

-- lookup.select_expiries_4
SELECT k, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1, @k2, @k3);

-- proxies.delete_orphans.pubsub_subscriptions
DELETE FROM pubsub_subscriptions WHERE (proxy_id NOT IN (SELECT id FROM proxies)) LIMIT @batch;

-- proxies.delete_own.pubsub_subscriptions
DELETE FROM pubsub_subscriptions WHERE proxy_id = @id;

-- proxies.heartbeat
INSERT INTO proxies (id, started_at, heartbeat_at) VALUES (@id, CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED), CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)) ON DUPLICATE KEY UPDATE heartbeat_at = CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED);

-- proxies.remove
DELETE FROM proxies WHERE id = @id;

-- proxies.remove_idle
DELETE FROM proxies WHERE (heartbeat_at < CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED) - @idle_ms);

-- sweeper.delete_expired
DELETE FROM keyspace WHERE (expires_at IS NOT NULL AND expires_at <= @now) LIMIT @batch;

-- sweeper.select_expired_notifying
SELECT k.tenant, k.db, k.k, s.value FROM keyspace k JOIN tenant_settings s ON s.tenant = k.tenant AND s.name = 'notify-keyspace-events' WHERE (k.expires_at IS NOT NULL AND k.expires_at <= @now) LIMIT @batch;

-- watch.lock_2
SELECT k, id, ver, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @watch_db AND k IN (@w0, @w1) ORDER BY k FOR UPDATE;

-- watch.read_1
SELECT k, id, ver, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @watch_db AND k IN (@w0);

-- watch.release
DELETE FROM keyspace WHERE tenant = @tenant AND db = @watch_db AND k = @w AND (type = 0);

-- watch.reserve
INSERT IGNORE INTO keyspace (tenant, db, k, type, slot) VALUES (@tenant, @watch_db, @w, 0, @w__slot);

