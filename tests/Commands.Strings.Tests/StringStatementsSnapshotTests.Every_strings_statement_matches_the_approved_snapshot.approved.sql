-- strings.append_value
UPDATE keyspace SET v = CONCAT(v, @v) WHERE tenant = @tenant AND db = @db AND k = @k;

-- strings.lock_many_2
SELECT id, type, expires_at, v, k FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) ORDER BY k FOR UPDATE;

-- strings.lock_values_2
SELECT k, type, expires_at, v FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1) ORDER BY k FOR UPDATE;

-- strings.select_length
SELECT type, LENGTH(v) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_many_1
SELECT k, type, v FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0) AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_many_4
SELECT k, type, v FROM keyspace FORCE INDEX (PRIMARY) WHERE tenant = @tenant AND db = @db AND k IN (@k0, @k1, @k2, @k3) AND (expires_at IS NULL OR expires_at > @now);

-- strings.select_value
SELECT type, v FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

