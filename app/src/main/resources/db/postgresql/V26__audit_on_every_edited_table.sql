-- The audit written by the database on every table people edit (decision 0035, extending 0029 / V22). Server-only.
--
-- V22 put a deferred constraint trigger on six tables: a change by an application login whose record has no audit
-- row in the same transaction gets one written by the database at commit. This does the same for every other table
-- that people edit (the list and the reason for each table left out are in decision 0035). The client's audit row
-- for a child table is often its parent's (a risk analysis's steps go into one "risk_analysis_detail" row of the
-- analysis, a meeting's participants into the meeting's row), and some lists are audited as one row of the whole
-- list (entity id 0), so the trigger is told which rows count: a comma-separated list of ENTITY:COLUMN, where COLUMN
-- is the changed row's column holding the audited record's id, or '-' when any row of ENTITY in the transaction
-- counts. The first ENTITY:COLUMN names the row the database writes when none counts. Then the free-text columns,
-- whose values are not copied (as in V22).

CREATE FUNCTION kvh_audit_covered() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    old_image jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_image jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    img jsonb := coalesce(new_image, old_image);
    free text[] := coalesce(TG_ARGV[1:], ARRAY[]::text[]);
    spec text;
    entity_name text;
    id_column text;
    eid bigint;
    first_entity text;
    first_column text;
    first_id bigint;
BEGIN
    IF NOT kvh_is_application_login() THEN
        RETURN NULL;
    END IF;
    FOREACH spec IN ARRAY string_to_array(TG_ARGV[0], ',') LOOP
        entity_name := split_part(spec, ':', 1);
        id_column := split_part(spec, ':', 2);
        eid := CASE WHEN id_column = '-' THEN NULL ELSE (img ->> id_column)::bigint END;
        IF first_entity IS NULL THEN
            first_entity := entity_name;
            first_column := id_column;
            first_id := coalesce(eid, 0);
        END IF;
        IF EXISTS (SELECT 1 FROM audit_log a WHERE a.tx_id = txid_current() AND a.entity = entity_name
                   AND (id_column = '-' OR a.entity_id = eid)) THEN
            RETURN NULL;
        END IF;
    END LOOP;
    INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, reason)
    VALUES (LOCALTIMESTAMP, session_user::text, first_entity, first_id,
            CASE WHEN first_column = 'id' THEN TG_OP ELSE 'UPDATE' END,
            kvh_audit_image(old_image, free), kvh_audit_image(new_image, free),
            'skriven av databasen: ändringen kom utan programmets historikrad (' || TG_TABLE_NAME || ')');
    RETURN NULL;
END $$;

-- One deferred constraint trigger per table: kvh_audited_trigger(table, spec, free-text columns …).
CREATE FUNCTION kvh_audited_trigger(tbl text, spec text, VARIADIC free text[] DEFAULT ARRAY[]::text[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    args text := quote_literal(spec);
    f text;
BEGIN
    FOREACH f IN ARRAY free LOOP
        args := args || ', ' || quote_literal(f);
    END LOOP;
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kvh_audit_covered(%s)',
                   tbl || '_audited', tbl, args);
END $$;

-- Deviations: links are written into the deviation's row (the one it starts from).
SELECT kvh_audited_trigger('deviation_link', 'deviation:from_id');
-- Risk and event analyses, their risks, steps, timeline, causes and linked deviations; templates.
SELECT kvh_audited_trigger('risk_analysis', 'risk_analysis:id', 'title', 'participants', 'process_description',
                           'no_measures_reason', 'improved_routines', 'decided_by');
SELECT kvh_audited_trigger('risk_item', 'risk_item:id,risk_analysis:analysis_id', 'description', 'causes', 'barriers');
SELECT kvh_audited_trigger('analysis_step', 'risk_analysis_detail:analysis_id,risk_analysis:analysis_id', 'step_text');
SELECT kvh_audited_trigger('analysis_timeline', 'risk_analysis_detail:analysis_id,risk_analysis:analysis_id', 'what');
SELECT kvh_audited_trigger('analysis_cause', 'risk_analysis_detail:analysis_id,risk_analysis:analysis_id', 'cause_text');
SELECT kvh_audited_trigger('analysis_deviation', 'risk_analysis_detail:analysis_id,risk_analysis:analysis_id');
SELECT kvh_audited_trigger('risk_template', 'risk_template:id');
-- Councils: participants, agenda, reviewed deviations, follow-ups, ordered analyses.
SELECT kvh_audited_trigger('council_participant', 'council_meeting:meeting_id,council_participant:id', 'name');
SELECT kvh_audited_trigger('council_agenda_item', 'council_meeting:meeting_id,council_agenda_item:id', 'title', 'detail');
SELECT kvh_audited_trigger('council_reviewed_deviation', 'council_meeting:meeting_id');
SELECT kvh_audited_trigger('council_follow_up', 'council_follow_up:meeting_id,council_meeting:meeting_id', 'note');
SELECT kvh_audited_trigger('council_ordered_analysis', 'council_ordered_analysis:meeting_id,council_meeting:meeting_id');
-- Quality dialogues, plans, goals and their links; the annual cycle; reports and board meetings.
SELECT kvh_audited_trigger('quality_dialogue', 'quality_dialogue:id', 'work_group', 'led_by', 'staff_self_assessment',
                           'user_dialogue', 'relative_dialogue', 'survey_results', 'complaints', 'strengths', 'improvements');
SELECT kvh_audited_trigger('quality_plan', 'quality_plan:id');
SELECT kvh_audited_trigger('quality_goal', 'quality_goal:id', 'goal', 'indicator');
SELECT kvh_audited_trigger('quality_plan_link', 'quality_plan:plan_id');
SELECT kvh_audited_trigger('annual_activity', 'annual_activity:id', 'description');
SELECT kvh_audited_trigger('annual_activity_done', 'annual_activity:activity_id');
SELECT kvh_audited_trigger('report_text', 'report_text:id', 'summary', 'priorities', 'follow_up', 'analysis',
                           'external_audits', 'chart_conclusions', 'section_texts');
SELECT kvh_audited_trigger('board_meeting', 'board_meeting:id');
-- Self-checks: templates with their sections and questions, rounds, the hand-over's copies, imports and keys.
SELECT kvh_audited_trigger('self_check_template', 'self_check_template:id');
SELECT kvh_audited_trigger('self_check_section', 'self_check_template:template_id');
SELECT kvh_audited_trigger('self_check_question', 'self_check_template:template_id');
SELECT kvh_audited_trigger('self_check_round', 'self_check_round:id');
SELECT kvh_audited_trigger('self_check_form_copy', 'self_check_form_copy:id');
SELECT kvh_audited_trigger('self_check_answer_import', 'self_check_answer_import:id');
SELECT kvh_audited_trigger('self_check_round_key', 'self_check_round_key:round_id,self_check_round:round_id', 'secret');
SELECT kvh_audited_trigger('self_check_form_key', 'self_check_form_key:form_copy_id,self_check_form_copy:form_copy_id',
                           'signing_key');
-- Lists and rules (Listor och regler): each list entry is its own record; laws and deadline rules one list each.
SELECT kvh_audited_trigger('deviation_category', 'deviation_category:id');
SELECT kvh_audited_trigger('cause_category', 'cause_category:id');
SELECT kvh_audited_trigger('measure_type', 'measure_type:id');
SELECT kvh_audited_trigger('risk_reason', 'risk_reason:id');
SELECT kvh_audited_trigger('council_type', 'council_type:id');
SELECT kvh_audited_trigger('business_area', 'business_area:id');
SELECT kvh_audited_trigger('legal_law', 'legal_law:-');
SELECT kvh_audited_trigger('legal_reference', 'legal_reference:id');
SELECT kvh_audited_trigger('deadline_rule', 'deadline_rule:-');
-- The organisation and its denominators.
SELECT kvh_audited_trigger('unit', 'unit:id');
SELECT kvh_audited_trigger('unit_denominator', 'unit_denominator:unit_id');
-- Key figures: own figures and values, followed and compared, Kolada links, survey results, individual follow-ups.
SELECT kvh_audited_trigger('kf_own_figure', 'kf_own_figure:id');
SELECT kvh_audited_trigger('kf_own_value', 'kf_own_value:figure_id,keyfigure_import:-');
SELECT kvh_audited_trigger('kf_comparison', 'kf_settings:-');
SELECT kvh_audited_trigger('kf_followed_kpi', 'kf_settings:-');
SELECT kvh_audited_trigger('kf_ou_unit', 'kf_ou_unit:unit_id');
SELECT kvh_audited_trigger('kf_measure_kpi', 'kf_measure_kpi:-');
SELECT kvh_audited_trigger('survey_result', 'survey_result:-,keyfigure_import:-');
SELECT kvh_audited_trigger('individual_follow_up', 'individual_follow_up:id', 'insats', 'remark');
-- Import mappings (saved column mappings of the deviation import).
SELECT kvh_audited_trigger('import_mapping', 'import_mapping:-');

DROP FUNCTION kvh_audited_trigger(text, text, text[]);

