-- keyspace.count_live
SELECT COUNT(*) FROM keyspace WHERE tenant = @tenant AND db = @db AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.delete_key_in
DELETE FROM keyspace WHERE tenant = @tenant AND db = @key_db AND k = @k;

-- keyspace.delete_live_1
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db AND k IN (@k0) AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.delete_live_4
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1, @k2, @k3) AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.expire_later
UPDATE keyspace SET expires_at = @when, ver = ver + 1 WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now) AND ((@nx = 0 OR expires_at IS NULL) AND (@xx = 0 OR expires_at IS NOT NULL) AND (@gt = 0 OR expires_at < @when) AND (@lt = 0 OR expires_at IS NULL OR expires_at > @when));

-- keyspace.expire_now
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now) AND ((@nx = 0 OR expires_at IS NULL) AND (@xx = 0 OR expires_at IS NOT NULL) AND (@gt = 0 OR expires_at < @when) AND (@lt = 0 OR expires_at IS NULL OR expires_at > @when));

-- keyspace.flush_all
DELETE FROM keyspace WHERE tenant = @tenant;

-- keyspace.flush_db
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db;

-- keyspace.insert_collection_in
INSERT INTO keyspace (tenant, db, k, type, expires_at, slot) VALUES (@tenant, @key_db, @k, @type, @expires_at, @k__slot);

-- keyspace.insert_string_in
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @key_db, @k, 1, @v, @expires_at, @k__slot);

-- keyspace.lock_key
SELECT id, type, expires_at FROM keyspace WHERE tenant = @tenant AND db = @key_db AND k = @k FOR UPDATE;

-- keyspace.move_database
UPDATE keyspace SET db = @to_db, ver = ver + 1 WHERE tenant = @tenant AND db = @from_db;

-- keyspace.move_key
UPDATE keyspace SET db = @key_db, ver = ver + 1 WHERE tenant = @tenant AND db = @db AND k = @k;

-- keyspace.persist
UPDATE keyspace SET expires_at = NULL, ver = ver + 1 WHERE tenant = @tenant AND db = @db AND k = @k AND expires_at > @now;

-- keyspace.rename_key
UPDATE keyspace SET k = @dst, ver = ver + 1, slot = @dst__slot WHERE tenant = @tenant AND db = @db AND k = @src;

-- keyspace.scan_page
SELECT id, k FROM keyspace WHERE tenant = @tenant AND db = @db AND id > @cursor AND (expires_at IS NULL OR expires_at > @now) ORDER BY id LIMIT @count;

-- keyspace.scan_page_of_type
SELECT id, k FROM keyspace WHERE tenant = @tenant AND db = @db AND id > @cursor AND (expires_at IS NULL OR expires_at > @now) AND type = @type ORDER BY id LIMIT @count;

-- keyspace.select_all_keys
SELECT k FROM keyspace WHERE tenant = @tenant AND db = @db AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_first_live_from
SELECT k FROM keyspace WHERE tenant = @tenant AND db = @db AND id >= @from AND (expires_at IS NULL OR expires_at > @now) ORDER BY id LIMIT 1;

-- keyspace.select_id_bounds
SELECT MIN(id), MAX(id) FROM keyspace WHERE tenant = @tenant AND db = @db;

-- keyspace.select_keys_between
SELECT k FROM keyspace WHERE tenant = @tenant AND db = @db AND k >= @lo AND k < @hi AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_keys_from
SELECT k FROM keyspace WHERE tenant = @tenant AND db = @db AND k >= @lo AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_live_states_1
SELECT k, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0) AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_live_states_4
SELECT k, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1, @k2, @k3) AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_value
SELECT v FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k;

