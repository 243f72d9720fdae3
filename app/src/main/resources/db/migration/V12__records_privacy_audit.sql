-- Issue 13: lex Sarah / lex Maria details, and an audit trail that can be verified.
-- Portable between SQLite and PostgreSQL (decision 0002): one ADD COLUMN per statement, standard types.

-- Who notified IVO (SAS for lex Sarah, MAS/MAR for lex Maria) and what IVO decided.
ALTER TABLE deviation ADD COLUMN ivo_notifier_role VARCHAR(10);
ALTER TABLE deviation ADD COLUMN ivo_notified_by VARCHAR(200);
ALTER TABLE deviation ADD COLUMN ivo_decision TEXT;
ALTER TABLE deviation ADD COLUMN ivo_decision_date DATE;

-- "Anmälan till IVO snarast": the number of days after registration, a rule the coordinator can change.
INSERT INTO deadline_rule (kind, days) VALUES ('IVO_ANMALAN', 7);

-- Audit rows: the time with its offset, whether the actor was chosen or fell back to the OS account,
-- the reason of an explicit step (reopen, step back), and the hash chain (see data.AuditChain).
ALTER TABLE audit_log ADD COLUMN at_text VARCHAR(40);
ALTER TABLE audit_log ADD COLUMN actor_source VARCHAR(20);
ALTER TABLE audit_log ADD COLUMN reason TEXT;
ALTER TABLE audit_log ADD COLUMN payload_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN row_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN purged_on DATE;
