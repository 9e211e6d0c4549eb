-- PLT-4: a counter bumped by every calendar edit, so each node can keep a company's calendar in memory and
-- see another node's edit with one primary-key read.
CREATE TABLE calendar_revision (
  company_id  bigint PRIMARY KEY REFERENCES company (id),
  revision    bigint NOT NULL DEFAULT 0
);
SELECT yewu_wall('calendar_revision');
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_revision TO yewu_app;
