-- One counter per company, series and day for the numbers people read (SO…, QT…, GD…), taken by the platform's
-- DocumentNumbers in a short transaction of its own, so a long submission never holds the day's counter row
-- while every other submission of the company waits for it (decision 0030). Numbers stay unique and increasing
-- per day; a submission that fails afterwards leaves a gap, as Odoo's standard sequences do.
CREATE TABLE document_number (
  company_id  bigint NOT NULL REFERENCES company (id),
  series      text NOT NULL CHECK (series IN ('sales-order', 'quote', 'ticket')),
  day         date NOT NULL,
  last_no     int NOT NULL CHECK (last_no > 0),
  PRIMARY KEY (company_id, series, day)
);
SELECT yewu_wall('document_number'::regclass);
GRANT SELECT, INSERT, UPDATE ON document_number TO yewu_app;

INSERT INTO document_number (company_id, series, day, last_no)
SELECT company_id, 'sales-order', day, last_no FROM sales_order_sequence
UNION ALL SELECT company_id, 'quote', day, last_no FROM quote_sequence
UNION ALL SELECT company_id, 'ticket', day, last_value FROM ticket_sequence;

DROP TABLE sales_order_sequence, quote_sequence, ticket_sequence;
