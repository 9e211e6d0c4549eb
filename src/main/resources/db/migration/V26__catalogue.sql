-- Order to cash, first slice (issue 10): products (PRC-1) and guide price lists (PRC-2).
-- See docs/decisions/0013-catalogue.md.

-- PRC-1: a standard product (常规型号 / 国标) has a guide price; a custom (定制 / 非国标) or harness (线束) product is
-- priced on request. A product is never deleted, only deactivated, so old quotes and lists keep their lines.
CREATE TABLE product (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id  bigint NOT NULL REFERENCES company (id),
  code        text NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('STANDARD', 'CUSTOM', 'HARNESS')),
  unit        text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  version     bigint NOT NULL DEFAULT 0,
  created_by  bigint NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, id),
  UNIQUE (company_id, code),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX product_name_idx ON product (company_id, name);

-- PRC-2: a price list is drafted by the marketing director, approved by the general manager (PLT-3) and applies
-- from its effective date; lists are never deleted, so the history of guide prices is kept.
CREATE TABLE price_list (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL REFERENCES company (id),
  name            text NOT NULL,
  effective_from  date NOT NULL,
  status          text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PENDING', 'APPROVED', 'REJECTED')),
  version         bigint NOT NULL DEFAULT 0,
  created_by      bigint NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  submitted_at    timestamptz,
  decided_at      timestamptz,
  approval_id     bigint,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, created_by) REFERENCES app_user (company_id, id)
);
CREATE INDEX price_list_status_idx ON price_list (company_id, status, effective_from);

CREATE TABLE price_list_line (
  company_id     bigint NOT NULL,
  price_list_id  bigint NOT NULL,
  product_id     bigint NOT NULL,
  guide_price    numeric(14, 2) NOT NULL CHECK (guide_price > 0),
  PRIMARY KEY (company_id, price_list_id, product_id),
  FOREIGN KEY (company_id, price_list_id) REFERENCES price_list (company_id, id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, product_id) REFERENCES product (company_id, id)
);
CREATE INDEX price_list_line_product_idx ON price_list_line (company_id, product_id);

SELECT yewu_wall(t) FROM unnest(ARRAY['product', 'price_list', 'price_list_line']::regclass[]) AS t;
GRANT SELECT, INSERT, UPDATE, DELETE ON product, price_list, price_list_line TO yewu_app;
