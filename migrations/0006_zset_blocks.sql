-- Member counts of consecutive stretches ("blocks") of a large sorted set's order, so ZRANK and ZCOUNT add up the
-- counts of the blocks before a position and count index entries only inside one block, instead of counting every
-- member below it. A block holds the members from its start position (the order index's tuple: score_inf, score,
-- member_prefix, member_hash) up to the next block's start; the first block starts below every member (start_inf
-- -2). Only sorted sets of 4096 members and more have blocks (RankBlocks in the kernel); they are written in the same
-- transaction as the members and hang off the key's keyspace id like them. Safe to apply more than once.
CREATE TABLE IF NOT EXISTS zset_blocks (
  tenant       VARBINARY(255)  NOT NULL,
  key_id       BIGINT UNSIGNED NOT NULL,
  start_inf    TINYINT         NOT NULL,
  start_score  DOUBLE          NOT NULL,
  start_prefix VARBINARY(255)  NOT NULL,
  start_hash   BINARY(32)      NOT NULL,
  size         BIGINT          NOT NULL,
  PRIMARY KEY (tenant, key_id, start_inf, start_score, start_prefix, start_hash)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
