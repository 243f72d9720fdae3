-- Optimistic versions for improvement actions (decision 0029). Council decisions, a deviation's measures, the
-- self-check and quality-plan actions are all action_item rows (V1, V7); several people edit them (the council at
-- the meeting, the responsible person in Åtgärder, the section chief in the deviation editor), so a save based on a
-- stale version is refused as for deviations (V14). Same SQL on SQLite and PostgreSQL.
ALTER TABLE action_item ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
