-- h5 (issue 15, decision 0030): the läsare/nämnd screens. A läsare has no SELECT on any case table; the program
-- counts and charts for them from this schema, which the client puts first on a läsare session's search_path (only
-- when the login holds läsare and no other role), so the register's counting and chart queries run unchanged.
--
-- kvh_aggregat.deviation has every column of deviation, in the same order, but only the columns that carry no free
-- text and no person's name; every other column is NULL. A column added to deviation by a later migration is NULL
-- here (an allow-list, not a deny-list) until a server migration recreates the view. Rows: the units the läsare is
-- granted (kvh_any_units()), as in deviation_overview; security_barrier so that a caller's function cannot see rows
-- the filter removes. The view runs with its owner's rights, like deviation_overview.
CREATE SCHEMA kvh_aggregat;
REVOKE ALL ON SCHEMA kvh_aggregat FROM PUBLIC;

DO $$
DECLARE
    cols text;
    keep text[] := ARRAY['id', 'case_ref', 'kind', 'law', 'unit_id', 'category_id', 'status', 'occurred_on',
                         'reported_on', 'registered_on', 'due_on', 'closed_on', 'assessment', 'serious',
                         'ivo_reported_on', 'assessed_on', 'ivo_decision_date', 'ivo_notifier_role', 'updated_at',
                         'version'];
BEGIN
    SELECT string_agg(CASE WHEN a.attname = ANY (keep) THEN format('d.%I', a.attname)
                           ELSE format('NULL::%s AS %I', format_type(a.atttypid, a.atttypmod), a.attname) END,
                      ', ' ORDER BY a.attnum)
    INTO cols
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = format('%I.deviation', current_schema())::regclass AND a.attnum > 0 AND NOT a.attisdropped;
    EXECUTE format('CREATE VIEW kvh_aggregat.deviation WITH (security_barrier) AS SELECT %s FROM %I.deviation d '
                   'WHERE d.unit_id IN (SELECT %I.kvh_any_units())', cols, current_schema(), current_schema());
END $$;

-- Every other table that holds cases, answers or free text appears empty to a läsare session (no row, never a
-- refusal): the screens a läsare may open count, chart and list their lists without an error dialog, and nothing of
-- a case is readable. The tables themselves stay refused (no grant): psql as a läsare still gets "permission denied".
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['deviation_cause', 'deviation_link', 'action_item', 'self_check_response',
                             'self_check_answer', 'self_check_answer_import', 'self_check_form_copy', 'council_meeting',
                             'council_agenda_item', 'council_follow_up', 'council_ordered_analysis',
                             'council_participant', 'council_reviewed_deviation', 'risk_analysis', 'risk_item',
                             'analysis_cause', 'analysis_deviation', 'analysis_step', 'analysis_timeline',
                             'quality_dialogue', 'quality_goal', 'quality_plan', 'quality_plan_link', 'report_text',
                             'board_meeting', 'individual_follow_up'] LOOP
        EXECUTE format('CREATE VIEW kvh_aggregat.%I AS SELECT * FROM %I.%I WHERE FALSE', t, current_schema(), t);
        EXECUTE format('GRANT SELECT ON kvh_aggregat.%I TO kvh_lasare', t);
    END LOOP;
END $$;

GRANT USAGE ON SCHEMA kvh_aggregat TO kvh_lasare;
GRANT SELECT ON kvh_aggregat.deviation TO kvh_lasare;
