-- Sorted-set members, hanging off the key's keyspace id (never its name): DEL, expiry, RENAME, MOVE and overwrite touch
-- only the keyspace row, and the kernel's collector removes orphaned rows later. The kernel owns these tables because
-- two families share them: Sorted Sets and Geo (a geo key is a zset). Binary-safe; safe to apply more than once.
--
-- A member is identified by its SHA-256 (member_hash), so members of any length stay distinct. Order is Redis's
-- (score, member bytes): zset_members_order holds the score and the member's first 255 bytes (member_prefix), so
-- ranges by rank, score or lex are index range reads; members that tie on score and on all 255 bytes are put in
-- order by the proxy from their full bytes. A score is an IEEE double, which a DOUBLE column cannot hold when it is
-- infinite: score_inf is -1 for -inf, +1 for +inf and 0 for a finite score (then in score; 0 there otherwise), and it
-- leads the index so -inf < every finite score < +inf. NaN is never stored (Redis refuses it); -0 is stored as 0, as
-- Redis stores it in small sorted sets.
CREATE TABLE IF NOT EXISTS zset_members (
  tenant        VARBINARY(255)  NOT NULL,
  key_id        BIGINT UNSIGNED NOT NULL,
  member_hash   BINARY(32)      NOT NULL,
  member        LONGBLOB        NOT NULL,
  member_prefix VARBINARY(255)  NOT NULL,
  score_inf     TINYINT         NOT NULL,
  score         DOUBLE          NOT NULL,
  PRIMARY KEY (tenant, key_id, member_hash),
  KEY zset_members_order (tenant, key_id, score_inf, score, member_prefix)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

-- Each sorted set's member count, written by every command that adds or removes members, so ZCARD is one row.
CREATE TABLE IF NOT EXISTS zset_sizes (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  size   BIGINT          NOT NULL,
  PRIMARY KEY (tenant, key_id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
