-- The sample plugin's own table: one counter per (tenant, name). The tenant leads the key, as in the kernel's tables.
CREATE TABLE IF NOT EXISTS sample_hits (
  tenant VARBINARY(255) NOT NULL,
  name   VARBINARY(255) NOT NULL,
  hits   BIGINT         NOT NULL,
  PRIMARY KEY (tenant, name)
) ENGINE=InnoDB;
