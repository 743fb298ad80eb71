-- keyspace.delete_key
DELETE FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k;

-- keyspace.insert_collection
INSERT INTO keyspace (tenant, db, k, type, slot) VALUES (@tenant, @db, @k, @type, @k__slot);

-- keyspace.select_for_update
SELECT id, type, expires_at, v FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k FOR UPDATE;

-- zset_sizes.upsert
INSERT INTO zset_sizes (tenant, key_id, size) VALUES (@tenant, @key_id, @size) ON DUPLICATE KEY UPDATE size = @size;

-- zsets.in_score_ranges_1
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (((score_inf > @min_inf0 OR (score_inf = @min_inf0 AND score >= @min0)) AND (score_inf < @max_inf0 OR (score_inf = @max_inf0 AND score <= @max0))));

-- zsets.in_score_ranges_16
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (((score_inf > @min_inf0 OR (score_inf = @min_inf0 AND score >= @min0)) AND (score_inf < @max_inf0 OR (score_inf = @max_inf0 AND score <= @max0))) OR ((score_inf > @min_inf1 OR (score_inf = @min_inf1 AND score >= @min1)) AND (score_inf < @max_inf1 OR (score_inf = @max_inf1 AND score <= @max1))) OR ((score_inf > @min_inf2 OR (score_inf = @min_inf2 AND score >= @min2)) AND (score_inf < @max_inf2 OR (score_inf = @max_inf2 AND score <= @max2))) OR ((score_inf > @min_inf3 OR (score_inf = @min_inf3 AND score >= @min3)) AND (score_inf < @max_inf3 OR (score_inf = @max_inf3 AND score <= @max3))) OR ((score_inf > @min_inf4 OR (score_inf = @min_inf4 AND score >= @min4)) AND (score_inf < @max_inf4 OR (score_inf = @max_inf4 AND score <= @max4))) OR ((score_inf > @min_inf5 OR (score_inf = @min_inf5 AND score >= @min5)) AND (score_inf < @max_inf5 OR (score_inf = @max_inf5 AND score <= @max5))) OR ((score_inf > @min_inf6 OR (score_inf = @min_inf6 AND score >= @min6)) AND (score_inf < @max_inf6 OR (score_inf = @max_inf6 AND score <= @max6))) OR ((score_inf > @min_inf7 OR (score_inf = @min_inf7 AND score >= @min7)) AND (score_inf < @max_inf7 OR (score_inf = @max_inf7 AND score <= @max7))) OR ((score_inf > @min_inf8 OR (score_inf = @min_inf8 AND score >= @min8)) AND (score_inf < @max_inf8 OR (score_inf = @max_inf8 AND score <= @max8))) OR ((score_inf > @min_inf9 OR (score_inf = @min_inf9 AND score >= @min9)) AND (score_inf < @max_inf9 OR (score_inf = @max_inf9 AND score <= @max9))) OR ((score_inf > @min_inf10 OR (score_inf = @min_inf10 AND score >= @min10)) AND (score_inf < @max_inf10 OR (score_inf = @max_inf10 AND score <= @max10))) OR ((score_inf > @min_inf11 OR (score_inf = @min_inf11 AND score >= @min11)) AND (score_inf < @max_inf11 OR (score_inf = @max_inf11 AND score <= @max11))) OR ((score_inf > @min_inf12 OR (score_inf = @min_inf12 AND score >= @min12)) AND (score_inf < @max_inf12 OR (score_inf = @max_inf12 AND score <= @max12))) OR ((score_inf > @min_inf13 OR (score_inf = @min_inf13 AND score >= @min13)) AND (score_inf < @max_inf13 OR (score_inf = @max_inf13 AND score <= @max13))) OR ((score_inf > @min_inf14 OR (score_inf = @min_inf14 AND score >= @min14)) AND (score_inf < @max_inf14 OR (score_inf = @max_inf14 AND score <= @max14))) OR ((score_inf > @min_inf15 OR (score_inf = @min_inf15 AND score >= @min15)) AND (score_inf < @max_inf15 OR (score_inf = @max_inf15 AND score <= @max15))));

-- zsets.in_score_ranges_2
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (((score_inf > @min_inf0 OR (score_inf = @min_inf0 AND score >= @min0)) AND (score_inf < @max_inf0 OR (score_inf = @max_inf0 AND score <= @max0))) OR ((score_inf > @min_inf1 OR (score_inf = @min_inf1 AND score >= @min1)) AND (score_inf < @max_inf1 OR (score_inf = @max_inf1 AND score <= @max1))));

-- zsets.in_score_ranges_4
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (((score_inf > @min_inf0 OR (score_inf = @min_inf0 AND score >= @min0)) AND (score_inf < @max_inf0 OR (score_inf = @max_inf0 AND score <= @max0))) OR ((score_inf > @min_inf1 OR (score_inf = @min_inf1 AND score >= @min1)) AND (score_inf < @max_inf1 OR (score_inf = @max_inf1 AND score <= @max1))) OR ((score_inf > @min_inf2 OR (score_inf = @min_inf2 AND score >= @min2)) AND (score_inf < @max_inf2 OR (score_inf = @max_inf2 AND score <= @max2))) OR ((score_inf > @min_inf3 OR (score_inf = @min_inf3 AND score >= @min3)) AND (score_inf < @max_inf3 OR (score_inf = @max_inf3 AND score <= @max3))));

-- zsets.in_score_ranges_8
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (((score_inf > @min_inf0 OR (score_inf = @min_inf0 AND score >= @min0)) AND (score_inf < @max_inf0 OR (score_inf = @max_inf0 AND score <= @max0))) OR ((score_inf > @min_inf1 OR (score_inf = @min_inf1 AND score >= @min1)) AND (score_inf < @max_inf1 OR (score_inf = @max_inf1 AND score <= @max1))) OR ((score_inf > @min_inf2 OR (score_inf = @min_inf2 AND score >= @min2)) AND (score_inf < @max_inf2 OR (score_inf = @max_inf2 AND score <= @max2))) OR ((score_inf > @min_inf3 OR (score_inf = @min_inf3 AND score >= @min3)) AND (score_inf < @max_inf3 OR (score_inf = @max_inf3 AND score <= @max3))) OR ((score_inf > @min_inf4 OR (score_inf = @min_inf4 AND score >= @min4)) AND (score_inf < @max_inf4 OR (score_inf = @max_inf4 AND score <= @max4))) OR ((score_inf > @min_inf5 OR (score_inf = @min_inf5 AND score >= @min5)) AND (score_inf < @max_inf5 OR (score_inf = @max_inf5 AND score <= @max5))) OR ((score_inf > @min_inf6 OR (score_inf = @min_inf6 AND score >= @min6)) AND (score_inf < @max_inf6 OR (score_inf = @max_inf6 AND score <= @max6))) OR ((score_inf > @min_inf7 OR (score_inf = @min_inf7 AND score >= @min7)) AND (score_inf < @max_inf7 OR (score_inf = @max_inf7 AND score <= @max7))));

-- zsets.lock_0
SELECT k.id, k.type, k.expires_at, NULL, s.size, NULL, NULL, NULL FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- zsets.lock_1
SELECT k.id, k.type, k.expires_at, NULL, s.size, m.member_hash, m.score_inf, m.score FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash IN (@h0) WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- zsets.lock_2
SELECT k.id, k.type, k.expires_at, NULL, s.size, m.member_hash, m.score_inf, m.score FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash IN (@h0, @h1) WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- zsets.select_key
SELECT k.type, k.id, s.size FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.select_score
SELECT k.type, k.id, s.size, m.score_inf, m.score FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash = @member_hash WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.select_scores_1
SELECT member_hash, score_inf, score FROM zset_members FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND member_hash IN (@h0);

-- zsets.select_scores_2
SELECT member_hash, score_inf, score FROM zset_members FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND member_hash IN (@h0, @h1);

-- zsets.upsert_1
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) VALUES (@tenant, @key_id, @member_hash0, @member0, @member_prefix0, @score_inf0, @score0) ON DUPLICATE KEY UPDATE score_inf = VALUES(score_inf), score = VALUES(score);

-- zsets.upsert_2
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) VALUES (@tenant, @key_id, @member_hash0, @member0, @member_prefix0, @score_inf0, @score0), (@tenant, @key_id, @member_hash1, @member1, @member_prefix1, @score_inf1, @score1) ON DUPLICATE KEY UPDATE score_inf = VALUES(score_inf), score = VALUES(score);

