-- SVC-1: the agent's customer look-up finds a phone being typed by its beginning (customer_key.value LIKE '1380013%').
-- The key's unique index compares in the database's collation (C.UTF-8 here), which PostgreSQL does not use for a
-- LIKE prefix: every phone key was read (bench/service.sh, docs/performance.md). text_pattern_ops compares byte-wise,
-- so the prefix becomes a range on this index.
CREATE INDEX customer_key_phone_prefix_idx ON customer_key (company_id, value text_pattern_ops) WHERE kind = 'PHONE';
