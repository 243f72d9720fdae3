-- The drafts' link to their deviation is a foreign key (ON DELETE CASCADE): indexed like every other (V24), so
-- that deleting a deviation does not scan the drafts.
CREATE INDEX ix_deviation_draft_deviation ON deviation_draft (deviation_id);
