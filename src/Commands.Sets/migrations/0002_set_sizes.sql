-- Each set's member count, written in the same transaction as every change of its members, so SCARD reads one row
-- instead of counting them. Sets created before this table get their count here. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS set_sizes (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  size   BIGINT          NOT NULL,
  PRIMARY KEY (tenant, key_id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

INSERT IGNORE INTO set_sizes (tenant, key_id, size)
SELECT m.tenant, m.key_id, COUNT(*) FROM set_members m
WHERE EXISTS (SELECT 1 FROM keyspace k WHERE k.id = m.key_id AND k.type = 4)
GROUP BY m.tenant, m.key_id;
