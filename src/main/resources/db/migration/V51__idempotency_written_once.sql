-- Issue 9/10 speed (decision 0043): the idempotency key is written once, with its answer, by the request's own
-- transaction. The answer is stored as it is, out of line and not compressed (EXTERNAL): on an order's 6–7 KB
-- answer the server's pglz cost more CPU than writing the bytes (issue 10 profile), and the rows live one day.
ALTER TABLE idempotency_record ALTER COLUMN body SET STORAGE EXTERNAL;
