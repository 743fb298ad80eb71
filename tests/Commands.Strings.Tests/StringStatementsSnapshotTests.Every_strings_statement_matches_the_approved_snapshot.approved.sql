-- strings.append_value
UPDATE keyspace SET v = CONCAT(v, @v), ver = ver + 1 WHERE tenant = @tenant AND db = @db AND k = @k;

-- strings.insert_big_string
INSERT INTO keyspace (tenant, db, k, type, v, expires_at, slot) VALUES (@tenant, @db, @k, 1, NULL, @expires_at, @k__slot);

-- strings.lock_many_2
SELECT k.id, k.type, k.expires_at, k.v, s.size, k.k FROM keyspace k FORCE INDEX (PRIMARY) LEFT JOIN string_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND k.k IN (@k0, @k1) ORDER BY k.k FOR UPDATE;

-- strings.lock_string
SELECT k.id, k.type, k.expires_at, k.v, s.size FROM keyspace k LEFT JOIN string_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- strings.lock_values_2
SELECT k, type, expires_at, v FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) ORDER BY k FOR UPDATE;

-- strings.select_big_string
SELECT s.size, c.n, c.v FROM string_sizes s LEFT JOIN string_chunks c ON c.tenant = s.tenant AND c.key_id = s.key_id WHERE s.tenant = @tenant AND (s.key_id = @key_id) AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 1 AND ka.v IS NULL)) ORDER BY c.n;

-- strings.select_byte
SELECT k.type, IF(k.v IS NULL, (SELECT SUBSTRING(c.v, @at, 1) FROM string_chunks c WHERE c.tenant = k.tenant AND c.key_id = k.id AND c.n = @n), SUBSTRING(k.v, @byte, 1)) FROM keyspace k WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_chunks
SELECT n, v FROM string_chunks WHERE tenant = @tenant AND key_id = @key_id AND n >= @first AND n <= @last ORDER BY n;

-- strings.select_chunks_in_2
SELECT n, v FROM string_chunks FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND n IN (@n0, @n1);

-- strings.select_length
SELECT k.type, COALESCE(LENGTH(k.v), s.size, 0) FROM keyspace k LEFT JOIN string_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_many_1
SELECT k, type, v, id FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0) AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_many_4
SELECT k, type, v, id FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1, @k2, @k3) AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_value
SELECT type, v, id FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- strings.share_string
SELECT k.id, k.type, k.expires_at, k.v, s.size FROM keyspace k LEFT JOIN string_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) LOCK IN SHARE MODE;

-- strings.upsert_chunks_2
INSERT INTO string_chunks (tenant, key_id, n, v) VALUES (@tenant, @key_id, @n0, @v0), (@tenant, @key_id, @n1, @v1) ON DUPLICATE KEY UPDATE v = VALUES(v);

-- strings.upsert_size
INSERT INTO string_sizes (tenant, key_id, size) VALUES (@tenant, @key_id, @size) ON DUPLICATE KEY UPDATE size = @size;

