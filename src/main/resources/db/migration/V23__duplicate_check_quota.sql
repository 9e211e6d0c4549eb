-- Issue 8: the duplicate check must not be an oracle. Each user's checks are counted per minute and per day in
-- the database, so every node of a cluster counts against the same quota.
CREATE TABLE duplicate_check_quota (
  company_id    bigint NOT NULL REFERENCES company (id),
  user_id       bigint NOT NULL,
  window_kind   text NOT NULL CHECK (window_kind IN ('MINUTE', 'DAY')),
  window_start  timestamptz NOT NULL,
  used          integer NOT NULL,
  PRIMARY KEY (company_id, user_id, window_kind),
  FOREIGN KEY (user_id) REFERENCES app_user (id)
);
SELECT yewu_wall('duplicate_check_quota');
