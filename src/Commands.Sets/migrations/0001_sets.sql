-- Members of set keys, hanging off the key's keyspace id (never its name): DEL, expiry, RENAME, MOVE and overwrite
-- touch only the keyspace row, and the kernel's collector removes the orphaned members later.
-- A member is identified by its SHA-256 (member_hash), so members of any length stay distinct and binary safe.
-- seq gives every member a stable integer position for SSCAN cursors. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS set_members (
  tenant      VARBINARY(255)  NOT NULL,
  key_id      BIGINT UNSIGNED NOT NULL,
  member_hash BINARY(32)      NOT NULL,
  member      LONGBLOB        NOT NULL,
  seq         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (tenant, key_id, member_hash),
  UNIQUE KEY set_members_seq (seq),
  KEY set_members_scan (tenant, key_id, seq)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
