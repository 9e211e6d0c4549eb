-- Trust in visits and follow-ups (issue 8): confirmed customer locations, one writer for follow-ups, route history
-- for the weekly completion, decisions beside ownership periods. See docs/decisions/0010-decisions-followups.md.
-- The data moves below cross companies: say so, in case the migration user is subject to the wall.
SELECT set_config('yewu.all_companies', 'on', true);

-- CUS-14: a customer's location for the check-in distance is imported or confirmed by a manager, never set by the
-- visitor. A check-in without a confirmed point only proposes one.
ALTER TABLE customer_location DROP CONSTRAINT customer_location_source_check;

CREATE TABLE customer_location_proposal (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL,
  customer_id  bigint NOT NULL,
  lat          double precision NOT NULL,
  lng          double precision NOT NULL,
  visit_id     bigint,
  proposed_by  bigint NOT NULL,
  proposed_at  timestamptz NOT NULL DEFAULT now(),
  status       text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
  decided_by   bigint,
  decided_at   timestamptz,
  reason       text NOT NULL DEFAULT '',
  version      bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, visit_id) REFERENCES visit (company_id, id) ON DELETE SET NULL (visit_id),
  FOREIGN KEY (company_id, proposed_by) REFERENCES app_user (company_id, id)
);
-- one open proposal per customer: later check-ins wait for the manager's answer
CREATE UNIQUE INDEX customer_location_proposal_pending_uk ON customer_location_proposal (company_id, customer_id)
  WHERE status = 'PENDING';
CREATE INDEX customer_location_proposal_status_idx ON customer_location_proposal (company_id, status, proposed_at);

-- Points the visitor set before this rule are no longer trusted: they become proposals for the manager.
INSERT INTO customer_location_proposal (company_id, customer_id, lat, lng, proposed_by, proposed_at)
SELECT company_id, customer_id, lat, lng, set_by, set_at FROM customer_location
WHERE source IN ('CHECK_IN', 'OWNER') AND lat IS NOT NULL;
DELETE FROM customer_location WHERE source IN ('CHECK_IN', 'OWNER');
ALTER TABLE customer_location ADD CONSTRAINT customer_location_source_check
  CHECK (source IN ('IMPORT', 'MANAGER', 'CONFIRMED'));

-- A visit checked in while its customer had no confirmed location: 位置待确认 until the manager confirms one.
ALTER TABLE visit ADD COLUMN location_unconfirmed boolean NOT NULL DEFAULT false;
UPDATE visit v SET location_unconfirmed = true, check_in_distance_m = NULL, check_in_far = NULL
WHERE v.check_in_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM customer_location l WHERE l.company_id = v.company_id AND l.customer_id = v.customer_id);

-- CUS-13: one writer for follow-ups. A visit's check-out and its promises are follow-ups; each follow-up carries
-- its own next-contact reminder.
ALTER TABLE follow_up ADD COLUMN visit_id bigint;
ALTER TABLE follow_up ADD CONSTRAINT follow_up_visit_fk FOREIGN KEY (company_id, visit_id)
  REFERENCES visit (company_id, id) ON DELETE SET NULL (visit_id);
CREATE INDEX follow_up_visit_idx ON follow_up (company_id, visit_id) WHERE visit_id IS NOT NULL;
-- a follow-up's next contact is settled by a later contact on or after its date, or marked done by hand
ALTER TABLE follow_up ADD COLUMN next_done_at timestamptz;
UPDATE follow_up f SET visit_id = p.visit_id FROM visit_promise p
WHERE p.company_id = f.company_id AND p.follow_up_id = f.id;

-- CUS-14: the plan as it stood. Every version of a route's stops is kept with the time it held, so the weekly
-- completion of a past week is computed from that week's plan, not today's.
CREATE TABLE visit_route_stop_history (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL,
  route_id     bigint NOT NULL,
  owner_id     bigint NOT NULL,
  route_name   text NOT NULL,
  position     int NOT NULL,
  customer_id  bigint NOT NULL,
  frequency    text NOT NULL CHECK (frequency IN ('WEEKLY', 'MONTHLY')),
  weekdays     smallint[] NOT NULL DEFAULT '{}',
  every_weeks  int NOT NULL DEFAULT 1,
  month_day    smallint,
  starts_on    date NOT NULL,
  valid_from   timestamptz NOT NULL,
  valid_to     timestamptz,
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX visit_route_stop_history_owner_idx ON visit_route_stop_history (company_id, owner_id, valid_from);
CREATE INDEX visit_route_stop_history_open_idx ON visit_route_stop_history (company_id, route_id) WHERE valid_to IS NULL;
INSERT INTO visit_route_stop_history (company_id, route_id, owner_id, route_name, position, customer_id, frequency,
                                      weekdays, every_weeks, month_day, starts_on, valid_from)
SELECT s.company_id, s.route_id, r.owner_id, r.name, s.position, s.customer_id, s.frequency, s.weekdays, s.every_weeks,
       s.month_day, s.starts_on, r.created_at
FROM visit_route_stop s JOIN visit_route r ON r.company_id = s.company_id AND r.id = s.route_id;

-- PLT-1: the decision that ended an ownership period (CUS-9 pool return), beside the one that started it.
ALTER TABLE customer_ownership ADD COLUMN end_decision jsonb;

SELECT yewu_wall(t) FROM unnest(ARRAY['customer_location_proposal', 'visit_route_stop_history']::regclass[]) AS t;
