-- Timed work on db-scheduler (docs/decisions/0005-scheduler.md).

-- db-scheduler's own table (its PostgreSQL schema): one row per scheduled execution, shared by every node. It holds
-- no business data (task name, instance id, times), so it is installation-wide, like the scheduler that polls it.
CREATE TABLE scheduled_tasks (
  task_name             text NOT NULL,
  task_instance         text NOT NULL,
  task_data             bytea,
  execution_time        timestamptz NOT NULL,
  picked                boolean NOT NULL,
  picked_by             text,
  last_success          timestamptz,
  last_failure          timestamptz,
  consecutive_failures  int,
  last_heartbeat        timestamptz,
  version               bigint NOT NULL,
  priority              smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- One row per company job, company and occurrence: written in the run's own transaction when it succeeds (so a
-- second execution of the same occurrence finds it DONE and does nothing), and in a transaction of its own when it
-- fails (attempts, the error, the next retry) for the administrator's jobs page.
CREATE TABLE job_run (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  company_id      bigint NOT NULL REFERENCES company (id),
  job             text NOT NULL,
  occurrence      timestamptz NOT NULL,
  status          text NOT NULL CHECK (status IN ('DONE', 'RETRYING', 'FAILED')),
  attempts        int NOT NULL DEFAULT 0,
  last_error      text,
  next_retry_at   timestamptz,
  started_at      timestamptz,
  finished_at     timestamptz,
  node            text,
  UNIQUE (company_id, job, occurrence)
);
CREATE INDEX job_run_latest_idx ON job_run (company_id, job, occurrence DESC);
CREATE INDEX job_run_failed_idx ON job_run (company_id, occurrence DESC) WHERE status <> 'DONE';
SELECT yewu_wall('job_run');
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks, job_run TO yewu_app;

-- the hand-made recurring-job table is replaced by db-scheduler's recurring tasks
DROP TABLE recurring_job;
