-- List elements, one row per element, hanging off the list's keyspace id (never its name), so DEL, expiry, RENAME,
-- MOVE and overwrites touch only the keyspace row and the kernel's collector reclaims orphaned rows later.
-- Element i (0-based) is at pos = head + i with contiguous positions, so both ends and any index are reached by
-- primary key without walking; list_bounds keeps head and tail, so LLEN = tail - head + 1 is one row.
-- Binary-safe; safe to apply more than once.
CREATE TABLE IF NOT EXISTS list_items (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  pos    BIGINT          NOT NULL,
  value  LONGBLOB        NOT NULL,
  PRIMARY KEY (tenant, key_id, pos)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

CREATE TABLE IF NOT EXISTS list_bounds (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  head   BIGINT          NOT NULL,
  tail   BIGINT          NOT NULL,
  PRIMARY KEY (tenant, key_id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
