-- Route visits (线路拜访, CUS-14): routes, visit records with the eight steps, photos, customer locations.

-- A salesperson's or account manager's route: an ordered list of customers, each with its own frequency.
CREATE TABLE visit_route (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  owner_id    bigint NOT NULL,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  version     bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  UNIQUE (company_id, owner_id, name),
  FOREIGN KEY (company_id, owner_id) REFERENCES app_user (company_id, id)
);

-- Frequency: WEEKLY on weekdays (1 = Monday … 7 = Sunday) every N weeks counted from the week of starts_on,
-- or MONTHLY on month_day (clamped to the month's last day). See VisitFrequency.
CREATE TABLE visit_route_stop (
  company_id   bigint NOT NULL,
  route_id     bigint NOT NULL,
  position     int NOT NULL CHECK (position >= 1),
  customer_id  bigint NOT NULL,
  frequency    text NOT NULL CHECK (frequency IN ('WEEKLY', 'MONTHLY')),
  weekdays     smallint[] NOT NULL DEFAULT '{}',
  every_weeks  int NOT NULL DEFAULT 1 CHECK (every_weeks BETWEEN 1 AND 52),
  month_day    smallint CHECK (month_day BETWEEN 1 AND 31),
  starts_on    date NOT NULL,
  PRIMARY KEY (company_id, route_id, position),
  UNIQUE (company_id, route_id, customer_id),
  FOREIGN KEY (company_id, route_id) REFERENCES visit_route (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE
);
CREATE INDEX visit_route_stop_customer_idx ON visit_route_stop (company_id, customer_id);

-- One visit of one person to one customer on one day, with the eight steps as fields.
CREATE TABLE visit (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id           bigint NOT NULL,
  visitor_id           bigint NOT NULL,
  customer_id          bigint NOT NULL,
  route_id             bigint,
  visit_on             date NOT NULL,
  objective            text NOT NULL DEFAULT '',       -- 拜访预期目标
  result               text NOT NULL DEFAULT '',       -- 实际结果
  preparation          text NOT NULL DEFAULT '',       -- step 1
  outdoor_ads_ok       boolean,                        -- step 2
  pop_ok               boolean,
  racks_ok             boolean,
  outdoor_notes        text NOT NULL DEFAULT '',
  greeting             text NOT NULL DEFAULT '',       -- step 3
  display_notes        text NOT NULL DEFAULT '',       -- step 4
  new_products         text NOT NULL DEFAULT '',       -- step 6
  promotions           text NOT NULL DEFAULT '',
  market_notes         text NOT NULL DEFAULT '',
  signature_required   boolean NOT NULL DEFAULT false, -- step 7
  signed_by            text NOT NULL DEFAULT '',
  next_visit_at        timestamptz,                    -- step 8
  -- Location only at these two moments, never between visits (个人信息保护法).
  check_in_at          timestamptz,
  check_in_lat         double precision,
  check_in_lng         double precision,
  check_in_distance_m  int,
  check_in_far         boolean,
  check_out_at         timestamptz,
  check_out_lat        double precision,
  check_out_lng        double precision,
  created_at           timestamptz NOT NULL DEFAULT now(),
  version              bigint NOT NULL DEFAULT 0,
  UNIQUE (company_id, id),
  UNIQUE (company_id, visitor_id, customer_id, visit_on),
  FOREIGN KEY (company_id, visitor_id) REFERENCES app_user (company_id, id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, route_id) REFERENCES visit_route (company_id, id) ON DELETE SET NULL (route_id),
  CHECK (check_out_at IS NULL OR check_in_at IS NOT NULL)
);
CREATE INDEX visit_visitor_day_idx ON visit (company_id, visitor_id, visit_on);
CREATE INDEX visit_customer_idx ON visit (company_id, customer_id, visit_on DESC);

-- Step 5: stock check with the suggested order (RTL-5); the decision that computed it is kept beside it.
CREATE TABLE visit_stock_line (
  company_id      bigint NOT NULL,
  visit_id        bigint NOT NULL,
  line_no         int NOT NULL,
  product         text NOT NULL,
  safety_stock    numeric(12, 2) NOT NULL CHECK (safety_stock >= 0),
  current_stock   numeric(12, 2) NOT NULL CHECK (current_stock >= 0),
  suggested       numeric(14, 2) NOT NULL,        -- 1.5 × the largest safety stock still fits
  order_quantity  numeric(12, 2) CHECK (order_quantity >= 0),
  decision        jsonb NOT NULL,
  PRIMARY KEY (company_id, visit_id, line_no),
  FOREIGN KEY (company_id, visit_id) REFERENCES visit (company_id, id) ON DELETE CASCADE
);

-- Step 6: competitor information, read by the market-information report (MKT-5).
CREATE TABLE visit_competitor (
  company_id     bigint NOT NULL,
  visit_id       bigint NOT NULL,
  line_no        int NOT NULL,
  brand          text NOT NULL,
  product        text NOT NULL DEFAULT '',
  price          numeric(12, 2) CHECK (price >= 0),
  promotion      text NOT NULL DEFAULT '',
  display        text NOT NULL DEFAULT '',
  staff_changes  text NOT NULL DEFAULT '',
  PRIMARY KEY (company_id, visit_id, line_no),
  FOREIGN KEY (company_id, visit_id) REFERENCES visit (company_id, id) ON DELETE CASCADE
);
CREATE INDEX visit_competitor_brand_idx ON visit_competitor (company_id, brand);

-- Defective goods exchanged on the spot, kept as return lines for ORD-8.
CREATE TABLE visit_return_line (
  company_id  bigint NOT NULL,
  visit_id    bigint NOT NULL,
  line_no     int NOT NULL,
  product     text NOT NULL,
  quantity    numeric(12, 2) NOT NULL CHECK (quantity > 0),
  reason      text NOT NULL,
  PRIMARY KEY (company_id, visit_id, line_no),
  FOREIGN KEY (company_id, visit_id) REFERENCES visit (company_id, id) ON DELETE CASCADE
);

-- A promise made during the visit; the task itself is a follow_up row (CUS-13) so reminders find it.
CREATE TABLE visit_promise (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL,
  visit_id      bigint NOT NULL,
  follow_up_id  bigint NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
  text          text NOT NULL,
  due_on        date NOT NULL,
  FOREIGN KEY (company_id, visit_id) REFERENCES visit (company_id, id) ON DELETE CASCADE
);
CREATE INDEX visit_promise_visit_idx ON visit_promise (company_id, visit_id);

-- Photos of steps 2, 4 and 5; the bytes live in the file store under storage_key.
CREATE TABLE visit_photo (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id    bigint NOT NULL,
  visit_id      bigint NOT NULL,
  step          smallint NOT NULL CHECK (step IN (2, 4, 5)),
  content_type  text NOT NULL,
  size_bytes    bigint NOT NULL,
  storage_key   text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, visit_id) REFERENCES visit (company_id, id) ON DELETE CASCADE
);
CREATE INDEX visit_photo_visit_idx ON visit_photo (company_id, visit_id);

-- Where a customer is, for the check-in distance: set by the first check-in with a location or by the owner.
CREATE TABLE customer_location (
  company_id   bigint NOT NULL,
  customer_id  bigint NOT NULL,
  lat          double precision,
  lng          double precision,
  source       text NOT NULL CHECK (source IN ('CHECK_IN', 'OWNER')),
  set_by       bigint NOT NULL,
  set_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, customer_id),
  FOREIGN KEY (company_id, customer_id) REFERENCES customer (company_id, id) ON DELETE CASCADE,
  CHECK ((lat IS NULL) = (lng IS NULL))
);

SELECT yewu_wall(t) FROM unnest(ARRAY['visit_route', 'visit_route_stop', 'visit', 'visit_stock_line',
  'visit_competitor', 'visit_return_line', 'visit_promise', 'visit_photo', 'customer_location']::regclass[]) AS t;
