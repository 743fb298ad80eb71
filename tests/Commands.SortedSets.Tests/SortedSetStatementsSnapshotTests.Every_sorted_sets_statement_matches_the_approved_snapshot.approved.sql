-- keyspace.lock_keys_2
SELECT k, id, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) ORDER BY k FOR UPDATE;

-- keyspace.select_keys_2
SELECT k, id, type, expires_at FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) AND (expires_at IS NULL OR expires_at > @now);

-- zset_blocks.adjust
UPDATE zset_blocks SET size = size + @delta WHERE tenant = @tenant AND key_id = @key_id AND ((start_inf < @inf OR (start_inf = @inf AND (start_score < @score OR (start_score = @score AND (start_prefix < @prefix OR (start_prefix = @prefix AND (start_hash <= @hash)))))))) ORDER BY start_inf DESC, start_score DESC, start_prefix DESC, start_hash DESC LIMIT 1;

-- zset_blocks.block_below
SELECT z.start_inf, z.start_score, z.start_prefix, z.start_hash, (SELECT COALESCE(SUM(p.size), 0) FROM zset_blocks p WHERE p.tenant = @tenant AND p.key_id = z.key_id AND (p.start_inf < z.start_inf OR (p.start_inf = z.start_inf AND (p.start_score < z.start_score OR (p.start_score = z.start_score AND (p.start_prefix < z.start_prefix OR (p.start_prefix = z.start_prefix AND (p.start_hash < z.start_hash)))))))) FROM zset_blocks z WHERE z.tenant = @tenant AND z.key_id = @key_id AND ((z.start_inf < @t_inf OR (z.start_inf = @t_inf AND (z.start_score < @t_score OR (z.start_score = @t_score AND (z.start_prefix < @t_prefix OR (z.start_prefix = @t_prefix AND (z.start_hash <= @zero_hash)))))))) ORDER BY z.start_inf DESC, z.start_score DESC, z.start_prefix DESC, z.start_hash DESC LIMIT 1;

-- zset_blocks.blocks_at_2
SELECT u.* FROM ((SELECT start_inf, start_score, start_prefix, start_hash, size FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id AND ((start_inf < @inf0 OR (start_inf = @inf0 AND (start_score < @score0 OR (start_score = @score0 AND (start_prefix < @prefix0 OR (start_prefix = @prefix0 AND (start_hash <= @hash0)))))))) ORDER BY start_inf DESC, start_score DESC, start_prefix DESC, start_hash DESC LIMIT 1) UNION ALL (SELECT start_inf, start_score, start_prefix, start_hash, size FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id AND ((start_inf < @inf1 OR (start_inf = @inf1 AND (start_score < @score1 OR (start_score = @score1 AND (start_prefix < @prefix1 OR (start_prefix = @prefix1 AND (start_hash <= @hash1)))))))) ORDER BY start_inf DESC, start_score DESC, start_prefix DESC, start_hash DESC LIMIT 1)) u;

-- zset_blocks.build
INSERT INTO zset_blocks (tenant, key_id, start_inf, start_score, start_prefix, start_hash, size) SELECT @tenant, @key_id, IF(x.rn = 1, -2, x.score_inf), IF(x.rn = 1, 0, x.score), IF(x.rn = 1, '', x.member_prefix), IF(x.rn = 1, @zero_hash, x.member_hash), LEAST(@block, x.total - x.rn + 1) FROM (SELECT score_inf, score, member_prefix, member_hash, ROW_NUMBER() OVER (ORDER BY score_inf, score, member_prefix, member_hash) AS rn, COUNT(*) OVER () AS total FROM zset_members WHERE tenant = @tenant AND key_id = @key_id) x WHERE (MOD(x.rn - 1, @block) = 0);

-- zset_blocks.copy_children
INSERT INTO zset_blocks (tenant, key_id, start_inf, start_score, start_prefix, start_hash, size) SELECT @tenant, @dst_id, start_inf, start_score, start_prefix, start_hash, size FROM zset_blocks WHERE tenant = @tenant AND key_id = @src_id;

-- zset_blocks.count_from_block
SELECT COUNT(*), (SELECT COUNT(*) FROM zset_members g WHERE g.tenant = @tenant AND g.key_id = @key_id AND g.score_inf = @t_inf AND g.score = @t_score AND g.member_prefix = @t_prefix AND g.member < @member) FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND ((score_inf > @b_inf OR (score_inf = @b_inf AND (score > @b_score OR (score = @b_score AND (member_prefix > @b_prefix OR (member_prefix = @b_prefix AND (member_hash >= @b_hash)))))))) AND ((score_inf < @t_inf OR (score_inf = @t_inf AND (score < @t_score OR (score = @t_score AND (member_prefix < @t_prefix))))));

-- zset_blocks.delete_all
DELETE FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id;

-- zset_blocks.delete_block
DELETE FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id AND start_inf = @b_inf AND start_score = @b_score AND start_prefix = @b_prefix AND start_hash = @b_hash;

-- zset_blocks.delete_empty
DELETE FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id AND size = 0 AND start_inf > -2;

-- zset_blocks.delete_orphans
DELETE FROM zset_blocks WHERE tenant = @orphan_tenant AND key_id = @key_id AND (NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = @key_id AND k.type = 5)) LIMIT @batch;

-- zset_blocks.insert
INSERT INTO zset_blocks (tenant, key_id, start_inf, start_score, start_prefix, start_hash, size) VALUES (@tenant, @key_id, @inf, @score, @prefix, @hash, @size);

-- zset_blocks.member_after
SELECT score_inf, score, member_prefix, member_hash FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND ((score_inf > @b_inf OR (score_inf = @b_inf AND (score > @b_score OR (score = @b_score AND (member_prefix > @b_prefix OR (member_prefix = @b_prefix AND (member_hash >= @b_hash)))))))) ORDER BY score_inf, score, member_prefix, member_hash LIMIT @offset, 1;

-- zset_blocks.recount
UPDATE zset_blocks SET size = (SELECT COUNT(*) FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (score_inf > @b_inf OR (score_inf = @b_inf AND (score > @b_score OR (score = @b_score AND (member_prefix > @b_prefix OR (member_prefix = @b_prefix AND (member_hash >= @b_hash))))))) AND (score_inf < @n_inf OR (score_inf = @n_inf AND (score < @n_score OR (score = @n_score AND (member_prefix < @n_prefix OR (member_prefix = @n_prefix AND (member_hash < @n_hash)))))))) WHERE tenant = @tenant AND key_id = @key_id AND start_inf = @b_inf AND start_score = @b_score AND start_prefix = @b_prefix AND start_hash = @b_hash;

-- zset_blocks.recount_last
UPDATE zset_blocks SET size = (SELECT COUNT(*) FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (score_inf > @b_inf OR (score_inf = @b_inf AND (score > @b_score OR (score = @b_score AND (member_prefix > @b_prefix OR (member_prefix = @b_prefix AND (member_hash >= @b_hash)))))))) WHERE tenant = @tenant AND key_id = @key_id AND start_inf = @b_inf AND start_score = @b_score AND start_prefix = @b_prefix AND start_hash = @b_hash;

-- zset_blocks.resize
UPDATE zset_blocks SET size = @size WHERE tenant = @tenant AND key_id = @key_id AND start_inf = @b_inf AND start_score = @b_score AND start_prefix = @b_prefix AND start_hash = @b_hash;

-- zset_blocks.select_all
SELECT start_inf, start_score, start_prefix, start_hash, size FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id ORDER BY start_inf, start_score, start_prefix, start_hash;

-- zset_blocks.select_first
SELECT size FROM zset_blocks WHERE tenant = @tenant AND key_id = @key_id AND start_inf = -2;

-- zset_blocks.select_orphan_key_ids
SELECT DISTINCT c.tenant, c.key_id FROM zset_blocks c WHERE (NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id AND k.type = 5)) LIMIT @batch;

-- zset_blocks.set_sizes_2
INSERT INTO zset_blocks (tenant, key_id, start_inf, start_score, start_prefix, start_hash, size) VALUES (@tenant, @key_id, @inf0, @score0, @prefix0, @hash0, @size0), (@tenant, @key_id, @inf1, @score1, @prefix1, @hash1, @size1) ON DUPLICATE KEY UPDATE size = VALUES(size);

-- zset_members.copy_children
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) SELECT @tenant, @dst_id, member_hash, member, member_prefix, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @src_id;

-- zset_members.delete_orphans
DELETE FROM zset_members WHERE tenant = @orphan_tenant AND key_id = @key_id AND (NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = @key_id AND k.type = 5)) LIMIT @batch;

-- zset_members.select_orphan_key_ids
SELECT DISTINCT c.tenant, c.key_id FROM zset_members c WHERE (NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id AND k.type = 5)) LIMIT @batch;

-- zset_sizes.copy_children
INSERT INTO zset_sizes (tenant, key_id, size) SELECT @tenant, @dst_id, size FROM zset_sizes WHERE tenant = @tenant AND key_id = @src_id;

-- zset_sizes.delete_orphans
DELETE FROM zset_sizes WHERE tenant = @orphan_tenant AND key_id = @key_id AND (NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = @key_id AND k.type = 5)) LIMIT @batch;

-- zset_sizes.select_orphan_key_ids
SELECT DISTINCT c.tenant, c.key_id FROM zset_sizes c WHERE (NOT EXISTS (SELECT 1 FROM keyspace k WHERE k.id = c.key_id AND k.type = 5)) LIMIT @batch;

-- zset_sizes.upsert
INSERT INTO zset_sizes (tenant, key_id, size) VALUES (@tenant, @key_id, @size) ON DUPLICATE KEY UPDATE size = @size;

-- zsets.count_after
SELECT COUNT(*), (SELECT COUNT(*) FROM zset_members g WHERE g.tenant = @tenant AND g.key_id = @key_id AND g.score_inf = @inf AND g.score = @score AND g.member_prefix = @prefix AND g.member > @member) FROM (SELECT tenant FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (score_inf > @inf OR (score_inf = @inf AND score > @score) OR (score_inf = @inf AND score = @score AND member_prefix > @prefix)) LIMIT @cap) x WHERE x.tenant = @tenant;

-- zsets.count_before
SELECT COUNT(*), (SELECT COUNT(*) FROM zset_members g WHERE g.tenant = @tenant AND g.key_id = @key_id AND g.score_inf = @inf AND g.score = @score AND g.member_prefix = @prefix AND g.member < @member) FROM (SELECT tenant FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (score_inf < @inf OR (score_inf = @inf AND score < @score) OR (score_inf = @inf AND score = @score AND member_prefix < @prefix)) LIMIT @cap) x WHERE x.tenant = @tenant;

-- zsets.count_lex
SELECT COUNT(*) FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max)));

-- zsets.count_lex_at_score
SELECT COUNT(*) FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (score_inf = @at_inf AND score = @at_score AND member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max)));

-- zsets.count_score
SELECT COUNT(*) FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND ((score_inf > @min_inf OR (score_inf = @min_inf AND score >= @min)) AND (score_inf < @max_inf OR (score_inf = @max_inf AND score <= @max)));

-- zsets.delete_2
DELETE FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND member_hash IN (@h0, @h1);

-- zsets.delete_lex
DELETE FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max)));

-- zsets.delete_lex_at_score
DELETE FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (score_inf = @at_inf AND score = @at_score AND member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max)));

-- zsets.delete_score
DELETE FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND ((score_inf > @min_inf OR (score_inf = @min_inf AND score >= @min)) AND (score_inf < @max_inf OR (score_inf = @max_inf AND score <= @max)));

-- zsets.diff_sum_2
SELECT a.h, a.m, a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4) UNION ALL SELECT z.tenant, z.member_hash AS h, z.member AS m, 1 AS o, CASE WHEN @wc1 <> 0 THEN @wc1 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf1) WHEN ABS(z.score) > @lim1 THEN SIGN(z.score) * SIGN(@wf1) ELSE 0 END AS vc, CASE WHEN @wc1 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim1 THEN z.score * @wf1 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z1 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z1 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 1, @wc1, @wf1 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s1 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s1 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant AND (a.n = 1 AND a.last = 0);

-- zsets.diff_sum_store_1
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) SELECT @tenant, @dst_id, a.h, a.m, LEFT(a.m, 255), a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant AND (a.n = 1 AND a.last = 0);

-- zsets.group
SELECT member_hash, member, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND score_inf = @inf AND score = @score AND member_prefix = @prefix ORDER BY member_hash;

-- zsets.group_rev
SELECT member_hash, member, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND score_inf = @inf AND score = @score AND member_prefix = @prefix ORDER BY member_hash DESC;

-- zsets.inter_max_store_1
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) SELECT @tenant, @dst_id, a.h, a.m, LEFT(a.m, 255), a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN MAX(CASE WHEN c.vc = 0 THEN c.vs END) IS NOT NULL THEN 0 ELSE -1 END AS rc, CASE WHEN SUM(c.vc = 1) > 0 THEN 0 ELSE COALESCE(MAX(CASE WHEN c.vc = 0 THEN c.vs END), 0) END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant AND a.n = @n;

-- zsets.inter_sum_2
SELECT a.h, a.m, a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4) UNION ALL SELECT z.tenant, z.member_hash AS h, z.member AS m, 1 AS o, CASE WHEN @wc1 <> 0 THEN @wc1 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf1) WHEN ABS(z.score) > @lim1 THEN SIGN(z.score) * SIGN(@wf1) ELSE 0 END AS vc, CASE WHEN @wc1 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim1 THEN z.score * @wf1 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z1 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z1 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 1, @wc1, @wf1 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s1 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s1 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant AND a.n = @n;

-- zsets.intercard_1
SELECT COUNT(*) FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant AND a.n = @n;

-- zsets.intercard_limited_1
SELECT 1 FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant AND a.n = @n LIMIT @limit;

-- zsets.lock_0
SELECT k.id, k.type, k.expires_at, NULL, s.size, NULL, NULL, NULL FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- zsets.lock_2
SELECT k.id, k.type, k.expires_at, NULL, s.size, m.member_hash, m.score_inf, m.score FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash IN (@h0, @h1) WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- zsets.scan_page
SELECT member_hash, member, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND member_hash >= @from ORDER BY member_hash LIMIT @count;

-- zsets.select_ends
SELECT (SELECT e.score_inf FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf, e.score, e.member_prefix, e.member_hash LIMIT 1), (SELECT e.score FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf, e.score, e.member_prefix, e.member_hash LIMIT 1), (SELECT e.score_inf FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf DESC, e.score DESC, e.member_prefix DESC, e.member_hash DESC LIMIT 1), (SELECT e.score FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf DESC, e.score DESC, e.member_prefix DESC, e.member_hash DESC LIMIT 1) FROM keyspace k WHERE k.tenant = @tenant AND k.db = @db AND (k.id = @key_id);

-- zsets.select_key
SELECT k.type, k.id, s.size FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.select_key_with_ends
SELECT k.type, k.id, s.size, (SELECT e.score_inf FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf, e.score, e.member_prefix, e.member_hash LIMIT 1), (SELECT e.score FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf, e.score, e.member_prefix, e.member_hash LIMIT 1), (SELECT e.score_inf FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf DESC, e.score DESC, e.member_prefix DESC, e.member_hash DESC LIMIT 1), (SELECT e.score FROM zset_members e WHERE e.tenant = k.tenant AND e.key_id = k.id ORDER BY e.score_inf DESC, e.score DESC, e.member_prefix DESC, e.member_hash DESC LIMIT 1) FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.select_random
SELECT member_hash, member, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) ORDER BY RAND() LIMIT @count;

-- zsets.select_score
SELECT k.type, k.id, s.size, m.score_inf, m.score FROM keyspace k LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id LEFT JOIN zset_members m ON m.tenant = k.tenant AND m.key_id = k.id AND m.member_hash = @member_hash WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.select_scores_2
SELECT member_hash, score_inf, score FROM zset_members FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND member_hash IN (@h0, @h1);

-- zsets.select_sizes_1
SELECT k.k, k.type, s.size FROM keyspace k FORCE INDEX (PRIMARY) LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND k.k IN (@k0) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.select_sizes_2
SELECT k.k, k.type, s.size FROM keyspace k FORCE INDEX (PRIMARY) LEFT JOIN zset_sizes s ON s.tenant = k.tenant AND s.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND k.k IN (@k0, @k1) AND (expires_at IS NULL OR expires_at > @now);

-- zsets.union_max_1
SELECT a.h, a.m, a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN MAX(CASE WHEN c.vc = 0 THEN c.vs END) IS NOT NULL THEN 0 ELSE -1 END AS rc, CASE WHEN SUM(c.vc = 1) > 0 THEN 0 ELSE COALESCE(MAX(CASE WHEN c.vc = 0 THEN c.vs END), 0) END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant;

-- zsets.union_min_1
SELECT a.h, a.m, a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN MIN(CASE WHEN c.vc = 0 THEN c.vs END) IS NOT NULL THEN 0 ELSE 1 END AS rc, CASE WHEN SUM(c.vc = -1) > 0 THEN 0 ELSE COALESCE(MIN(CASE WHEN c.vc = 0 THEN c.vs END), 0) END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant;

-- zsets.union_sum_2
SELECT a.h, a.m, a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z0 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s0 AND ka.type = 4) UNION ALL SELECT z.tenant, z.member_hash AS h, z.member AS m, 1 AS o, CASE WHEN @wc1 <> 0 THEN @wc1 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf1) WHEN ABS(z.score) > @lim1 THEN SIGN(z.score) * SIGN(@wf1) ELSE 0 END AS vc, CASE WHEN @wc1 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim1 THEN z.score * @wf1 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z1 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @z1 AND ka.type = 5) UNION ALL SELECT x.tenant, x.member_hash, x.member, 1, @wc1, @wf1 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s1 AND EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @s1 AND ka.type = 4)) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant;

-- zsets.union_sum_store_1
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) SELECT @tenant, @dst_id, a.h, a.m, LEFT(a.m, 255), a.rc, a.rs FROM (SELECT c.tenant, c.h, MIN(c.m) AS m, COUNT(*) AS n, MAX(c.o) AS last, CASE WHEN SUM(c.vc = 1) > 0 AND SUM(c.vc = -1) > 0 THEN 0 WHEN SUM(c.vc = 1) > 0 THEN 1 WHEN SUM(c.vc = -1) > 0 THEN -1 WHEN SUM(c.vs) > 1.7976931348623157e308 THEN 1 WHEN SUM(c.vs) < -1.7976931348623157e308 THEN -1 ELSE 0 END AS rc, CASE WHEN SUM(c.vc = 1) = 0 AND SUM(c.vc = -1) = 0 AND SUM(c.vs) BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 THEN SUM(c.vs) ELSE 0 END AS rs FROM (SELECT z.tenant, z.member_hash AS h, z.member AS m, 0 AS o, CASE WHEN @wc0 <> 0 THEN @wc0 * (CASE WHEN z.score_inf <> 0 THEN z.score_inf ELSE SIGN(z.score) END) WHEN z.score_inf <> 0 THEN z.score_inf * SIGN(@wf0) WHEN ABS(z.score) > @lim0 THEN SIGN(z.score) * SIGN(@wf0) ELSE 0 END AS vc, CASE WHEN @wc0 = 0 AND z.score_inf = 0 AND ABS(z.score) <= @lim0 THEN z.score * @wf0 ELSE 0 END AS vs FROM zset_members z WHERE z.tenant = @tenant AND z.key_id = @z0 UNION ALL SELECT x.tenant, x.member_hash, x.member, 0, @wc0, @wf0 FROM set_members x WHERE x.tenant = @tenant AND x.key_id = @s0) c WHERE c.tenant = @tenant GROUP BY c.tenant, c.h) a WHERE a.tenant = @tenant;

-- zsets.upsert_1
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) VALUES (@tenant, @key_id, @member_hash0, @member0, @member_prefix0, @score_inf0, @score0) ON DUPLICATE KEY UPDATE score_inf = VALUES(score_inf), score = VALUES(score);

-- zsets.upsert_2
INSERT INTO zset_members (tenant, key_id, member_hash, member, member_prefix, score_inf, score) VALUES (@tenant, @key_id, @member_hash0, @member0, @member_prefix0, @score_inf0, @score0), (@tenant, @key_id, @member_hash1, @member1, @member_prefix1, @score_inf1, @score1) ON DUPLICATE KEY UPDATE score_inf = VALUES(score_inf), score = VALUES(score);

-- zsets.window_all
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) ORDER BY score_inf, score, member_prefix, member_hash LIMIT @offset, @count;

-- zsets.window_all_deep
SELECT m.member_hash, m.member, m.score_inf, m.score FROM (SELECT tenant, member_hash FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) ORDER BY score_inf, score, member_prefix, member_hash LIMIT @offset, @count) w STRAIGHT_JOIN zset_members m ON m.tenant = w.tenant AND m.key_id = @key_id AND m.member_hash = w.member_hash WHERE w.tenant = @tenant ORDER BY m.score_inf, m.score, m.member_prefix, m.member_hash;

-- zsets.window_all_rev
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) ORDER BY score_inf DESC, score DESC, member_prefix DESC, member_hash DESC LIMIT @offset, @count;

-- zsets.window_lex
SELECT member_hash, member, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max))) ORDER BY score_inf, score, member_prefix, member_hash LIMIT @offset, @count;

-- zsets.window_lex_at_score
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (score_inf = @at_inf AND score = @at_score AND member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max))) ORDER BY score_inf, score, member_prefix, member_hash LIMIT @offset, @count;

-- zsets.window_lex_at_score_rev
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (score_inf = @at_inf AND score = @at_score AND member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max))) ORDER BY score_inf DESC, score DESC, member_prefix DESC, member_hash DESC LIMIT @offset, @count;

-- zsets.window_lex_rev
SELECT member_hash, member, score_inf, score FROM zset_members WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND (member_prefix >= @min_prefix AND (@min_open = 1 OR member > @min OR (@min_in = 1 AND member = @min)) AND member_prefix <= @max_prefix AND (@max_open = 1 OR member < @max OR (@max_in = 1 AND member = @max))) ORDER BY score_inf DESC, score DESC, member_prefix DESC, member_hash DESC LIMIT @offset, @count;

-- zsets.window_score
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND ((score_inf > @min_inf OR (score_inf = @min_inf AND score >= @min)) AND (score_inf < @max_inf OR (score_inf = @max_inf AND score <= @max))) ORDER BY score_inf, score, member_prefix, member_hash LIMIT @offset, @count;

-- zsets.window_score_rev
SELECT member_hash, member, score_inf, score FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND ((score_inf > @min_inf OR (score_inf = @min_inf AND score >= @min)) AND (score_inf < @max_inf OR (score_inf = @max_inf AND score <= @max))) ORDER BY score_inf DESC, score DESC, member_prefix DESC, member_hash DESC LIMIT @offset, @count;

-- zsets.window_score_rev_deep
SELECT m.member_hash, m.member, m.score_inf, m.score FROM (SELECT tenant, member_hash FROM zset_members FORCE INDEX (zset_members_order) WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 5)) AND ((score_inf > @min_inf OR (score_inf = @min_inf AND score >= @min)) AND (score_inf < @max_inf OR (score_inf = @max_inf AND score <= @max))) ORDER BY score_inf DESC, score DESC, member_prefix DESC, member_hash DESC LIMIT @offset, @count) w STRAIGHT_JOIN zset_members m ON m.tenant = w.tenant AND m.key_id = @key_id AND m.member_hash = w.member_hash WHERE w.tenant = @tenant ORDER BY m.score_inf DESC, m.score DESC, m.member_prefix DESC, m.member_hash DESC;

