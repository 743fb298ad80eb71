-- Each hash's field count, written in the same transaction as every change of its fields, so HLEN reads one row
-- instead of counting them. Hashes created before this table get their count here. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS hash_sizes (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  size   BIGINT          NOT NULL,
  PRIMARY KEY (tenant, key_id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

INSERT IGNORE INTO hash_sizes (tenant, key_id, size)
SELECT f.tenant, f.key_id, COUNT(*) FROM hash_fields f
WHERE EXISTS (SELECT 1 FROM keyspace k WHERE k.id = f.key_id AND k.type = 2)
GROUP BY f.tenant, f.key_id;
