-- Audit trail (org.stdflow.audit): an append-only, hash-chained journal of who did what, when, in
-- which process step. Appended in the transaction of the step that causes it; never updated or
-- deleted by the application, and not touched by Camunda's history cleanup (which only removes
-- ACT_HI_* rows). Portable SQL: runs on H2 2.x and PostgreSQL 12+.

-- The head of the chain: one row, locked (SELECT ... FOR UPDATE) by every append, so appends from
-- several nodes on one database form one chain.
CREATE TABLE aud_chain_head (
  id        INT      NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO aud_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE aud_entry (
  seq                 BIGINT        NOT NULL PRIMARY KEY,  -- 1, 2, 3 … without gaps
  occurred_at         TIMESTAMP     NOT NULL,              -- when it happened (UTC, milliseconds)
  recorded_at         TIMESTAMP     NOT NULL,              -- when it was chained
  standard_id         BIGINT,
  process_instance_id VARCHAR(64),
  process_key         VARCHAR(255),
  activity_id         VARCHAR(255),
  step_name           VARCHAR(255),                        -- the process step as the model names it (Chinese)
  task_id             VARCHAR(64),
  actor               VARCHAR(64),                         -- user id; null = the system (timers, jobs)
  actor_section       VARCHAR(64),                         -- the actor's section (group id) at the time
  action              VARCHAR(40)   NOT NULL,              -- see AuditAction
  subject             VARCHAR(255),                        -- variable / decision field / document kind / operation
  value_text          VARCHAR(4000),
  reason              VARCHAR(4000),
  sha256              VARCHAR(64),                         -- document content hash
  source_key          VARCHAR(255),                        -- app record (table:id[:state]) chained once
  prev_hash           CHAR(64)      NOT NULL,
  hash                CHAR(64)      NOT NULL,
  CONSTRAINT uq_aud_entry_source UNIQUE (source_key)
);
CREATE INDEX ix_aud_entry_standard ON aud_entry (standard_id, occurred_at);
CREATE INDEX ix_aud_entry_process ON aud_entry (process_instance_id, occurred_at);
CREATE INDEX ix_aud_entry_actor ON aud_entry (actor, occurred_at);
CREATE INDEX ix_aud_entry_section ON aud_entry (actor_section, occurred_at);
CREATE INDEX ix_aud_entry_time ON aud_entry (occurred_at);

-- Which process runs concern which standard: every run that has (or had) a variable standardId
-- (life cycle, daily inspection, rectification, ...). Written when the variable is first seen.
CREATE TABLE aud_process_standard (
  process_instance_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  standard_id         BIGINT       NOT NULL,
  process_key         VARCHAR(255),
  recorded_at         TIMESTAMP    NOT NULL
);
CREATE INDEX ix_aud_process_standard ON aud_process_standard (standard_id);

-- app records looked up by standard or task when a step touches them (named ix_aud_* to stay clear of
-- the owning capabilities' own index names)
CREATE INDEX ix_aud_std_notice_standard ON std_notice (standard_id);
CREATE INDEX ix_aud_std_review_standard ON std_review (standard_id);
CREATE INDEX ix_aud_std_training_standard ON std_training (standard_id);
CREATE INDEX ix_aud_ntf_notification_task ON ntf_notification (task_id);
