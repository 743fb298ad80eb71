-- server.keyspace_per_db
SELECT db, COUNT(*) AS key_count, COUNT(expires_at) AS expire_count, AVG(expires_at) AS avg_expires_at FROM keyspace WHERE tenant = @tenant AND (expires_at IS NULL OR expires_at > @now) GROUP BY db ORDER BY db;

