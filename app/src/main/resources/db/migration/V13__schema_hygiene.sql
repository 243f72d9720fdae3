-- Schema hygiene (issue 14, decision 0009).
--
-- 1. Every foreign-key column gets an index (leading column), so that deleting or looking up a parent never
--    scans the child table. Found with PRAGMA foreign_key_list against PRAGMA index_list on the V11 schema;
--    DatabaseTest keeps it true for later migrations.
CREATE INDEX ix_unit_business_area ON unit (business_area_id);
CREATE INDEX ix_deviation_link_to ON deviation_link (to_id);
CREATE INDEX ix_action_unit ON action_item (unit_id);
CREATE INDEX ix_scq_section ON self_check_question (section_id);
CREATE INDEX ix_scr_round_area ON self_check_round (scope_business_area_id);
CREATE INDEX ix_scr_round_unit ON self_check_round (scope_unit_id);
CREATE INDEX ix_scr_round_template ON self_check_round (template_id);
CREATE INDEX ix_risk_analysis_template ON risk_analysis (template_id);
CREATE INDEX ix_council_reviewed_deviation ON council_reviewed_deviation (deviation_id);
CREATE INDEX ix_council_ordered_analysis ON council_ordered_analysis (analysis_id);
CREATE INDEX ix_council_ordered_meeting ON council_ordered_analysis (meeting_id);
CREATE INDEX ix_goal_dialogue ON quality_goal (dialogue_id);
CREATE INDEX ix_plan_link_action ON quality_plan_link (action_id);
CREATE INDEX ix_report_text_unit ON report_text (unit_id);
CREATE INDEX ix_board_meeting_unit ON board_meeting (unit_id);
CREATE INDEX ix_scai_unit ON self_check_answer_import (unit_id);

-- 2. A case reference names one deviation. Rows get their reference from their id inside the transaction that
--    inserts them and carry the placeholder 'preliminary' until then, so the placeholder is left out
--    (a partial index: SQLite and PostgreSQL both have them).
CREATE UNIQUE INDEX ux_deviation_case_ref ON deviation (case_ref) WHERE case_ref <> 'preliminary';

-- 3. person (V1) was never used: people are named in free text (responsible, participants), not linked.
DROP TABLE person;
