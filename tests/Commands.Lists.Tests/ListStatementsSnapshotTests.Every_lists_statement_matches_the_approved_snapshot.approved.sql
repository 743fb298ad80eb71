-- list_bounds.copy_children
INSERT INTO list_bounds (tenant, key_id, head, tail) SELECT @tenant, @dst_id, head, tail FROM list_bounds WHERE tenant = @tenant AND key_id = @src_id;

-- list_items.copy_children
INSERT INTO list_items (tenant, key_id, pos, value) SELECT @tenant, @dst_id, pos, value FROM list_items WHERE tenant = @tenant AND key_id = @src_id ORDER BY pos;

-- lists.copy_renumbered
INSERT INTO list_items (tenant, key_id, pos, value) SELECT @tenant, key_id, @base + ROW_NUMBER() OVER (ORDER BY pos), value FROM list_items WHERE tenant = @tenant AND key_id = @key_id;

-- lists.delete_at_2
DELETE FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND pos IN (@p0, @p1);

-- lists.delete_ends
DELETE FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND (pos BETWEEN @left_from AND @left_to OR pos BETWEEN @right_from AND @right_to);

-- lists.delete_matches_from_head
DELETE FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND value = @element ORDER BY pos LIMIT @limit;

-- lists.delete_matches_from_tail
DELETE FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND value = @element ORDER BY pos DESC LIMIT @limit;

-- lists.delete_outside
DELETE FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND (pos < @from OR pos > @to);

-- lists.insert_items_1
INSERT INTO list_items (tenant, key_id, pos, value) VALUES (@tenant, @key_id, @pos0, @value0) ON DUPLICATE KEY UPDATE value = VALUES(value);

-- lists.insert_items_4
INSERT INTO list_items (tenant, key_id, pos, value) VALUES (@tenant, @key_id, @pos0, @value0), (@tenant, @key_id, @pos1, @value1), (@tenant, @key_id, @pos2, @value2), (@tenant, @key_id, @pos3, @value3) ON DUPLICATE KEY UPDATE value = VALUES(value);

-- lists.lock_with_bounds
SELECT k.id, k.type, k.expires_at, NULL, b.head, b.tail, NULL, NULL FROM keyspace k LEFT JOIN list_bounds b ON b.tenant = k.tenant AND b.key_id = k.id WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- lists.lock_with_ends_2
SELECT k.id, k.type, k.expires_at, NULL, b.head, b.tail, i.pos, i.value FROM keyspace k LEFT JOIN list_bounds b ON b.tenant = k.tenant AND b.key_id = k.id LEFT JOIN list_items i ON i.tenant = k.tenant AND i.key_id = k.id AND i.pos BETWEEN b.head AND b.tail AND i.pos IN (IF(@i0 < 0, b.tail + 1 + @i0, b.head + @i0), IF(@i1 < 0, b.tail + 1 + @i1, b.head + @i1)) WHERE k.tenant = @tenant AND k.db = @db AND (k.k = @k) FOR UPDATE;

-- lists.select_ends
SELECT value FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND (pos BETWEEN @left_from AND @left_to OR pos BETWEEN @right_from AND @right_to) ORDER BY pos;

-- lists.select_first_match
SELECT pos FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND value = @element ORDER BY pos LIMIT 1;

-- lists.select_key_index
SELECT type, (SELECT i.value FROM list_bounds b JOIN list_items i ON i.tenant = b.tenant AND i.key_id = b.key_id AND i.pos = IF(@index < 0, b.tail + 1 + @index, b.head + @index) WHERE b.tenant = @tenant AND b.key_id = keyspace.id AND i.pos BETWEEN b.head AND b.tail) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- lists.select_key_length
SELECT type, (SELECT b.tail - b.head + 1 FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = keyspace.id) FROM keyspace WHERE tenant = @tenant AND db = @db AND k = @k AND (expires_at IS NULL OR expires_at > @now);

-- lists.select_matches_from_head
SELECT pos - (SELECT b.head FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id) FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 3)) AND value = @element AND (pos <= (SELECT IF(@maxlen = 0, b.tail, LEAST(b.tail, b.head + @maxlen - 1)) FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id)) ORDER BY pos LIMIT @skip, @take;

-- lists.select_matches_from_tail
SELECT pos - (SELECT b.head FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id) FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 3)) AND value = @element AND (pos >= (SELECT IF(@maxlen = 0, b.head, GREATEST(b.head, b.tail - @maxlen + 1)) FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id)) ORDER BY pos DESC LIMIT @skip, @take;

-- lists.select_range
SELECT value FROM list_items WHERE tenant = @tenant AND key_id = @key_id AND (EXISTS (SELECT 1 FROM keyspace ka WHERE ka.id = @key_id AND ka.type = 3)) AND (pos BETWEEN (SELECT b.head + GREATEST(IF(@start < 0, b.tail - b.head + 1 + @start, @start), 0) FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id) AND (SELECT b.head + LEAST(IF(@stop < 0, b.tail - b.head + 1 + @stop, @stop), b.tail - b.head) FROM list_bounds b WHERE b.tenant = @tenant AND b.key_id = @key_id)) ORDER BY pos;

-- lists.shift_towards_head
UPDATE list_items SET pos = pos - 1 WHERE tenant = @tenant AND key_id = @key_id AND (pos BETWEEN @from AND @to) ORDER BY pos;

-- lists.shift_towards_tail
UPDATE list_items SET pos = pos + 1 WHERE tenant = @tenant AND key_id = @key_id AND (pos BETWEEN @from AND @to) ORDER BY pos DESC;

-- lists.update_bounds
UPDATE list_bounds SET head = @head, tail = @tail WHERE tenant = @tenant AND key_id = @key_id;

-- lists.update_item
UPDATE list_items SET value = @value WHERE tenant = @tenant AND key_id = @key_id AND pos = @pos;

-- lists.upsert_bounds
INSERT INTO list_bounds (tenant, key_id, head, tail) VALUES (@tenant, @key_id, @head, @tail) ON DUPLICATE KEY UPDATE head = @head, tail = @tail;

