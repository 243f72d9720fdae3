-- Optimistic versions on the records that several people edit (decision 10): a save based on a stale version is
-- refused instead of silently overwriting the other person's work. Same SQL on SQLite and PostgreSQL.
ALTER TABLE deviation ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE self_check_response ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE council_meeting ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
