-- Hash fields, one row per field, hanging off the hash's keyspace id (never its name), so DEL, expiry, RENAME,
-- MOVE and overwrites touch only the keyspace row and the kernel's collector reclaims orphaned fields later.
-- Fields are keyed by their SHA-256 (field_hash), so fields of any length stay distinct; seq gives HSCAN a stable
-- cursor and HGETALL a stable order. Binary-safe; safe to apply more than once.
CREATE TABLE IF NOT EXISTS hash_fields (
  tenant     VARBINARY(255)  NOT NULL,
  key_id     BIGINT UNSIGNED NOT NULL,
  field_hash BINARY(32)      NOT NULL,
  field      LONGBLOB        NOT NULL,
  value      LONGBLOB        NOT NULL,
  seq        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (tenant, key_id, field_hash),
  UNIQUE KEY hash_fields_seq (seq),
  KEY hash_fields_scan (tenant, key_id, seq)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
