-- hash_fields.copy_children
INSERT INTO hash_fields (tenant, key_id, field_hash, field, value) SELECT @tenant, @dst_id, field_hash, field, value FROM hash_fields WHERE tenant = @tenant AND key_id = @src_id ORDER BY seq;

-- hash_sizes.copy_children
INSERT INTO hash_sizes (tenant, key_id, size) SELECT @tenant, @dst_id, size FROM hash_sizes WHERE tenant = @tenant AND key_id = @src_id;

-- hash_sizes.lock_key
SELECT k.id, k.type, k.expires_at, NULL, s.size FROM keyspace k LEFT JOIN hash_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- hash_sizes.select_key_size
SELECT k.type, s.size FROM keyspace k LEFT JOIN hash_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- hash_sizes.upsert
INSERT INTO hash_sizes (tenant, key_id, size) VALUES (@tenant, @key_id, @size) ON DUPLICATE KEY UPDATE size = @size;

-- hashes.delete_fields_2
DELETE FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND field_hash IN (@h0, @h1);

-- hashes.insert_field
INSERT INTO hash_fields (tenant, key_id, field_hash, field, value) VALUES (@tenant, @key_id, @field_hash, @field, @value);

-- hashes.scan_fields
SELECT seq, field, value FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) AND seq > @cursor ORDER BY seq LIMIT @count;

-- hashes.select_all
SELECT field, value FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) ORDER BY seq;

-- hashes.select_existing_2
SELECT field_hash FROM hash_fields FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND field_hash IN (@h0, @h1);

-- hashes.select_field_names
SELECT field FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) ORDER BY seq;

-- hashes.select_field_values
SELECT value FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) ORDER BY seq;

-- hashes.select_key_field_exists
SELECT type, EXISTS (SELECT 1 FROM hash_fields f WHERE f.tenant = @tenant AND f.key_id = keyspace.id AND f.field_hash = @field_hash) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- hashes.select_key_field_length
SELECT type, (SELECT LENGTH(f.value) FROM hash_fields f WHERE f.tenant = @tenant AND f.key_id = keyspace.id AND f.field_hash = @field_hash) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- hashes.select_key_field_value
SELECT type, (SELECT f.value FROM hash_fields f WHERE f.tenant = @tenant AND f.key_id = keyspace.id AND f.field_hash = @field_hash) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- hashes.select_random_fields
SELECT field, value FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) ORDER BY RAND() LIMIT @count;

-- hashes.select_value
SELECT value FROM hash_fields WHERE tenant = @tenant AND key_id = @key_id AND field_hash = @field_hash;

-- hashes.select_values_1
SELECT field_hash, value FROM hash_fields FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) AND field_hash IN (@h0);

-- hashes.select_values_4
SELECT field_hash, value FROM hash_fields FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 2)) AND field_hash IN (@h0, @h1, @h2, @h3);

-- hashes.upsert_field
INSERT INTO hash_fields (tenant, key_id, field_hash, field, value) VALUES (@tenant, @key_id, @field_hash, @field, @value) ON DUPLICATE KEY UPDATE value = @value;

-- hashes.upsert_fields_1
INSERT INTO hash_fields (tenant, key_id, field_hash, field, value) VALUES (@tenant, @key_id, @h0, @f0, @v0) ON DUPLICATE KEY UPDATE value = VALUES(value);

-- hashes.upsert_fields_2
INSERT INTO hash_fields (tenant, key_id, field_hash, field, value) VALUES (@tenant, @key_id, @h0, @f0, @v0), (@tenant, @key_id, @h1, @f1, @v1) ON DUPLICATE KEY UPDATE value = VALUES(value);

