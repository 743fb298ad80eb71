-- Big strings. A value longer than the inline limit keeps NULL in keyspace.v and its bytes here, in fixed-size chunks
-- numbered from 0, so a command that touches a few bytes of a 512 MB value reads and rewrites one chunk. A chunk may be
-- shorter than the chunk size or missing: the bytes it does not hold, up to the value's length, are zeros. Rows belong
-- to the key while its row has that id, type 1 and a NULL v; a collector reclaims them afterwards. Safe to apply more
-- than once.
CREATE TABLE IF NOT EXISTS string_chunks (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  n      INT UNSIGNED    NOT NULL,
  v      BLOB            NOT NULL,
  PRIMARY KEY (tenant, key_id, n)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;

-- The length of each big string, so STRLEN and appends read one row.
CREATE TABLE IF NOT EXISTS string_sizes (
  tenant VARBINARY(255)  NOT NULL,
  key_id BIGINT UNSIGNED NOT NULL,
  size   BIGINT          NOT NULL,
  PRIMARY KEY (tenant, key_id)
) ENGINE=InnoDB ROW_FORMAT=DYNAMIC;
