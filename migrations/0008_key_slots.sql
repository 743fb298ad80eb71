-- Each key's Redis Cluster hash slot (CRC16 of the key, or of its {hash tag}, modulo 16384), so CLUSTER
-- COUNTKEYSINSLOT and GETKEYSINSLOT read one index range of (tenant, db, slot) instead of the whole keyspace. The proxy
-- computes it: MySQL has no CRC16, and MariaDB allows no stored function in a generated column. The SQL builder adds
-- it to every statement that names a key in this table; `migrate` fills it in for the keys written before, and a key
-- written by an older proxy during a rolling upgrade keeps NULL until the next `migrate`.
ALTER TABLE keyspace ADD COLUMN slot SMALLINT UNSIGNED NULL, ADD KEY keyspace_slot (tenant, db, slot);
