-- A key's version, for WATCH: every statement that changes a keyspace row adds one (the SQL builder adds the
-- assignment to every UPDATE and upsert of this table), and a transaction that locked a key's row and then wrote
-- its child rows (a hash field, a list item) adds one too. Together with the row's id, which AUTO_INCREMENT never
-- reuses, (id, ver) names one state of a key: a deleted and re-created key has a new id.
ALTER TABLE keyspace ADD COLUMN ver BIGINT UNSIGNED NOT NULL DEFAULT 0;
