-- SVC-10: the shift roster (排班): day and night shifts and rest days per agent and day, kept by the shift lead.
-- One row per agent and day; a day with no row is not planned yet. The shift board reads who is on shift now.
CREATE TABLE shift_roster (
  company_id  bigint NOT NULL REFERENCES company (id),
  user_id     bigint NOT NULL,
  day         date NOT NULL,
  shift       text NOT NULL CHECK (shift IN ('DAY', 'NIGHT', 'REST')),
  set_by      bigint NOT NULL,
  set_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id, day),
  FOREIGN KEY (company_id, user_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, set_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX shift_roster_day_idx ON shift_roster (company_id, day, shift);

SELECT yewu_wall('shift_roster'::regclass);
GRANT SELECT, INSERT, UPDATE, DELETE ON shift_roster TO yewu_app;

-- SVC-6 campaign return visits (统一回访): customers drawn from the files by a filter, shared among the return-visit
-- desk (round robin), by phone or SMS; each customer's call is a return_visit with reason CAMPAIGN.
CREATE TABLE return_visit_campaign (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  name         text NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('PHONE', 'SMS')),
  criteria     jsonb NOT NULL DEFAULT '{}',          -- {stage, customerClass, keyAccount, tag, city}
  purpose      text NOT NULL DEFAULT '',             -- e.g. a holiday or a promotion
  due_at       timestamptz NOT NULL,
  visit_count  int NOT NULL,
  created_by   bigint NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  decision_id  bigint REFERENCES decision_record (id),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX return_visit_campaign_created_idx ON return_visit_campaign (company_id, created_at DESC, id DESC);

ALTER TABLE return_visit ADD CONSTRAINT return_visit_campaign_fk FOREIGN KEY (company_id, campaign_id)
  REFERENCES return_visit_campaign (company_id, id);
CREATE INDEX return_visit_campaign_idx ON return_visit (company_id, campaign_id) WHERE campaign_id IS NOT NULL;

SELECT yewu_wall('return_visit_campaign'::regclass);
GRANT SELECT, INSERT, UPDATE ON return_visit_campaign TO yewu_app;

