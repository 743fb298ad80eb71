-- keyspace.lock_keys_2
SELECT k, id, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) ORDER BY k FOR UPDATE;

-- keyspace.select_keys_1
SELECT k, id, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0) AND (expires_at IS NULL OR expires_at > @now);

-- keyspace.select_keys_2
SELECT k, id, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) AND (expires_at IS NULL OR expires_at > @now);

-- set_members.copy_children
INSERT INTO set_members (tenant, key_id, member_hash, member) SELECT @tenant, @dst_id, member_hash, member FROM set_members WHERE tenant = @tenant AND key_id = @src_id ORDER BY seq;

-- set_sizes.copy_children
INSERT INTO set_sizes (tenant, key_id, size) SELECT @tenant, @dst_id, size FROM set_sizes WHERE tenant = @tenant AND key_id = @src_id;

-- set_sizes.lock_key
SELECT k.id, k.type, k.expires_at, NULL, s.size FROM keyspace k LEFT JOIN set_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- set_sizes.select_key_size
SELECT k.type, s.size FROM keyspace k LEFT JOIN set_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- set_sizes.upsert
INSERT INTO set_sizes (tenant, key_id, size) VALUES (@tenant, @key_id, @size) ON DUPLICATE KEY UPDATE size = @size;

-- sets.contains_member
SELECT 1 FROM set_members WHERE tenant = @tenant AND key_id = @key_id AND member_hash = @member_hash;

-- sets.delete_member
DELETE FROM set_members WHERE tenant = @tenant AND key_id = @key_id AND member_hash = @member_hash;

-- sets.delete_members_2
DELETE FROM set_members WHERE tenant = @tenant AND key_id = @key_id AND member_hash IN (@member_hash0, @member_hash1);

-- sets.diff_0
SELECT m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @id AND ka.type = 4));

-- sets.diff_2
SELECT m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @id AND ka.type = 4)) AND (NOT EXISTS (SELECT 1 FROM set_members x WHERE x.tenant = @tenant AND x.key_id IN (@other0, @other1) AND x.member_hash = m.member_hash AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = x.key_id AND ka.type = 4)));

-- sets.diff_store_1
INSERT INTO set_members (tenant, key_id, member_hash, member) SELECT @tenant, @dst_id, m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id) AND (NOT EXISTS (SELECT 1 FROM set_members x WHERE x.tenant = @tenant AND x.key_id IN (@other0) AND x.member_hash = m.member_hash));

-- sets.insert_member
INSERT IGNORE INTO set_members (tenant, key_id, member_hash, member) VALUES (@tenant, @key_id, @member_hash, @member);

-- sets.insert_members_1
INSERT IGNORE INTO set_members (tenant, key_id, member_hash, member) VALUES (@tenant, @key_id, @member_hash0, @member0);

-- sets.insert_members_4
INSERT IGNORE INTO set_members (tenant, key_id, member_hash, member) VALUES (@tenant, @key_id, @member_hash0, @member0), (@tenant, @key_id, @member_hash1, @member1), (@tenant, @key_id, @member_hash2, @member2), (@tenant, @key_id, @member_hash3, @member3);

-- sets.inter_0
SELECT m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @id AND ka.type = 4));

-- sets.inter_2
SELECT m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @id AND ka.type = 4)) AND (EXISTS (SELECT 1 FROM set_members x0 WHERE x0.tenant = @tenant AND x0.key_id = @other0 AND x0.member_hash = m.member_hash AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @other0 AND ka.type = 4))) AND (EXISTS (SELECT 1 FROM set_members x1 WHERE x1.tenant = @tenant AND x1.key_id = @other1 AND x1.member_hash = m.member_hash AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @other1 AND ka.type = 4)));

-- sets.inter_store_1
INSERT INTO set_members (tenant, key_id, member_hash, member) SELECT @tenant, @dst_id, m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id) AND (EXISTS (SELECT 1 FROM set_members x0 WHERE x0.tenant = @tenant AND x0.key_id = @other0 AND x0.member_hash = m.member_hash));

-- sets.intercard_1
SELECT COUNT(*) FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @id AND ka.type = 4)) AND (EXISTS (SELECT 1 FROM set_members x0 WHERE x0.tenant = @tenant AND x0.key_id = @other0 AND x0.member_hash = m.member_hash AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @other0 AND ka.type = 4)));

-- sets.intercard_limited_1
SELECT 1 FROM set_members m WHERE m.tenant = @tenant AND (m.key_id = @id AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @id AND ka.type = 4)) AND (EXISTS (SELECT 1 FROM set_members x0 WHERE x0.tenant = @tenant AND x0.key_id = @other0 AND x0.member_hash = m.member_hash AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @other0 AND ka.type = 4))) LIMIT @limit;

-- sets.is_member
SELECT type, EXISTS (SELECT 1 FROM set_members m WHERE m.tenant = @tenant AND m.key_id = keyspace.id AND m.member_hash = @member_hash) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- sets.scan_page
SELECT seq, member FROM set_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 4)) AND seq > @cursor ORDER BY seq LIMIT @count;

-- sets.select_members
SELECT member FROM set_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 4));

-- sets.select_present_2
SELECT member_hash FROM set_members FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 4)) AND member_hash IN (@member_hash0, @member_hash1);

-- sets.select_random
SELECT member_hash, member FROM set_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 4)) ORDER BY RAND() LIMIT @count;

-- sets.union_0
SELECT DISTINCT m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id IN (@id) AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = m.key_id AND ka.type = 4));

-- sets.union_2
SELECT DISTINCT m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id IN (@id, @other0, @other1) AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = m.key_id AND ka.type = 4));

-- sets.union_store_1
INSERT IGNORE INTO set_members (tenant, key_id, member_hash, member) SELECT @tenant, @dst_id, m.member_hash, m.member FROM set_members m WHERE m.tenant = @tenant AND (m.key_id IN (@id, @other0));

