-- Indexes for the foreign keys that migrations after V13 added without one (decision 9: every foreign-key column
-- has an index, so deleting or merging a parent never scans the child table).
CREATE INDEX IF NOT EXISTS ix_council_meeting_council_type ON council_meeting (council_type_id);
CREATE INDEX IF NOT EXISTS ix_individual_follow_up_unit ON individual_follow_up (unit_id);
CREATE INDEX IF NOT EXISTS ix_kf_own_value_unit ON kf_own_value (unit_id);
CREATE INDEX IF NOT EXISTS ix_survey_result_unit ON survey_result (unit_id);
