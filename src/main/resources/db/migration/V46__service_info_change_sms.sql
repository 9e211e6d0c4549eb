-- SVC-1 information-change tickets (信息变更) open a CUS-15 change request; the ticket keeps the request's id, what it
-- asked for and its state, and closes when the request is decided (decision 0033).
ALTER TABLE ticket
  ADD COLUMN change_request_id    bigint,
  ADD COLUMN change_request_state text CHECK (change_request_state IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
  ADD COLUMN requested_changes    jsonb NOT NULL DEFAULT '{}',
  ADD CONSTRAINT ticket_change_request_type CHECK (change_request_id IS NULL OR type = 'INFO_CHANGE'),
  ADD CONSTRAINT ticket_change_request_fk FOREIGN KEY (company_id, change_request_id)
      REFERENCES customer_change_request (company_id, id);
CREATE INDEX ticket_change_request_idx ON ticket (company_id, change_request_id) WHERE change_request_id IS NOT NULL;

ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_kind_check,
  ADD CONSTRAINT ticket_event_kind_check CHECK (kind IN ('RECEIVED', 'ANSWERED', 'PROMISED', 'TRANSFERRED', 'NOTE', 'REMINDED',
    'OVERDUE', 'ESCALATED', 'SUPERVISED', 'RESOLVED', 'CLOSED', 'REOPENED', 'COMPLAINT_UPDATED', 'RETURN_VISIT_DUE',
    'RETURN_VISIT_CLOSED', 'ORDER_LINKED', 'ARTICLE_LINKED', 'QC_LINKED', 'CHANGE_REQUESTED', 'CHANGE_DECIDED'));

-- SVC-6 return visits by SMS through the platform's text-message channel (PLT-7): each message is kept with its
-- state, so one held for quiet hours, retried or given up is visible on the visit. A sent message is logged as an
-- attempt of the visit (channel SMS, outcome SMS_SENT).
CREATE TABLE return_visit_sms (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id   bigint NOT NULL REFERENCES company (id),
  visit_id     bigint NOT NULL,
  phone        text NOT NULL,
  body         text NOT NULL,
  state        text NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'SENT', 'FAILED')),
  queued_by    bigint NOT NULL,
  queued_at    timestamptz NOT NULL,
  send_at      timestamptz NOT NULL,                 -- not before: the next moment outside quiet hours, or the next retry
  tries        int NOT NULL DEFAULT 0,
  last_error   text NOT NULL DEFAULT '',
  sent_at      timestamptz,
  UNIQUE (company_id, id),
  FOREIGN KEY (company_id, visit_id) REFERENCES return_visit (company_id, id),
  FOREIGN KEY (company_id, queued_by) REFERENCES app_user (company_id, id),
  CHECK ((state = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX return_visit_sms_visit_idx ON return_visit_sms (company_id, visit_id, id);

ALTER TABLE return_visit_attempt DROP CONSTRAINT return_visit_attempt_outcome_check,
  ADD CONSTRAINT return_visit_attempt_outcome_check CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER',
                                                                        'CALLBACK', 'SMS_SENT'));

SELECT yewu_wall('return_visit_sms'::regclass);
GRANT SELECT, INSERT, UPDATE ON return_visit_sms TO yewu_app;
