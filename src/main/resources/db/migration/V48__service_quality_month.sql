-- SVC-10 (decision 0036): the monthly service-quality analysis is a stored service_report of its own kind; the shift
-- lead's roll call (点名点评) before a shift is kept with who was there; a roster cell carries a version, so two
-- leads reassigning the same seat do not overwrite each other.
ALTER TABLE service_report DROP CONSTRAINT service_report_kind_check;
ALTER TABLE service_report ADD CONSTRAINT service_report_kind_check
  CHECK (kind IN ('WEEKLY_SATISFACTION', 'WEEKLY_QC', 'MONTHLY_QUALITY'));
CREATE INDEX service_report_kind_idx ON service_report (company_id, kind, period_start DESC, id DESC);

ALTER TABLE shift_roster ADD COLUMN version int NOT NULL DEFAULT 0;

-- One roll call per shift: the lead's short review, the QC findings presented (as shown), present and absent counts.
CREATE TABLE shift_roll_call (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  shift_day   date NOT NULL,
  shift       text NOT NULL CHECK (shift IN ('DAY', 'NIGHT')),
  lead_id     bigint NOT NULL,
  review      text NOT NULL DEFAULT '',
  findings    jsonb NOT NULL DEFAULT '[]',
  present     int NOT NULL,
  absent      int NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (company_id, shift_day, shift),
  FOREIGN KEY (company_id, lead_id) REFERENCES app_user (company_id, id)
);
CREATE INDEX shift_roll_call_day_idx ON shift_roll_call (company_id, shift_day DESC, id DESC);

CREATE TABLE shift_roll_call_line (
  company_id    bigint NOT NULL REFERENCES company (id),
  roll_call_id  bigint NOT NULL,
  user_id       bigint NOT NULL,
  present       boolean NOT NULL,
  PRIMARY KEY (company_id, roll_call_id, user_id),
  FOREIGN KEY (company_id, roll_call_id) REFERENCES shift_roll_call (company_id, id),
  FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id)
);
CREATE INDEX shift_roll_call_line_user_idx ON shift_roll_call_line (company_id, user_id);

SELECT yewu_wall(t) FROM unnest(ARRAY['shift_roll_call', 'shift_roll_call_line']::regclass[]) AS t;
GRANT SELECT, INSERT ON shift_roll_call, shift_roll_call_line TO yewu_app;
