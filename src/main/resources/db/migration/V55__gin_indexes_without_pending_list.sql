-- Issue 9 speed (decision 0045): no search reads a pending list. With GIN's default fast update, new entries wait in
-- an unsorted list of up to 4 MB that every search scans whole until a vacuum merges it; on the bench, after 10,000
-- creates the name index held 454 pending pages and a two-character search took 80 ms instead of 5. Each insert now
-- enters its bigrams and trigrams into the index itself (a little more work per create, none per search).
ALTER INDEX customer_name_grams_idx SET (fastupdate = off);
ALTER INDEX customer_name_trgm SET (fastupdate = off);
ALTER INDEX kb_article_grams_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('customer_name_grams_idx'::regclass);
SELECT gin_clean_pending_list('customer_name_trgm'::regclass);
SELECT gin_clean_pending_list('kb_article_grams_idx'::regclass);
