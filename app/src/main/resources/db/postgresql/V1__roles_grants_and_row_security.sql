-- Server-only objects (PostgreSQL only; decision 10). Applied by `server init` after the common migrations in
-- db/migration, with their own history table kvh_server_schema_history.
--
-- Each person logs in as their own PostgreSQL role. The application's group roles say WHAT a person may do;
-- server_grant says WHERE (a unit and everything under it). Row-level security policies decide which rows a
-- login can read and write; the client only hides what the database would refuse anyway.

-- 1. Group roles (cluster-wide, shared by every Kvalitetshjulet database on the server).
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['kvh_anvandare', 'kvh_sektionschef', 'kvh_kvalitetsutvecklare', 'kvh_sas', 'kvh_mas',
                             'kvh_radsledamot', 'kvh_lasare'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
    FOREACH r IN ARRAY ARRAY['kvh_sektionschef', 'kvh_kvalitetsutvecklare', 'kvh_sas', 'kvh_mas', 'kvh_radsledamot',
                             'kvh_lasare'] LOOP
        EXECUTE format('GRANT kvh_anvandare TO %I', r);
    END LOOP;
END $$;

-- 2. Who may do what where. role is the name used on the command line.
CREATE TABLE server_grant (
    login      VARCHAR(63) NOT NULL,
    role       VARCHAR(30) NOT NULL CHECK (role IN ('sektionschef', 'kvalitetsutvecklare', 'sas', 'mas',
                                                    'radsledamot', 'lasare')),
    unit_id    BIGINT      NOT NULL REFERENCES unit (id),
    granted_at TIMESTAMP   NOT NULL DEFAULT LOCALTIMESTAMP,
    granted_by VARCHAR(63) NOT NULL DEFAULT SESSION_USER,
    PRIMARY KEY (login, role, unit_id)
);

-- The units (with everything below them) where the logged-in person holds p_role. SECURITY DEFINER so that it can
-- read server_grant, which no application role can; session_user is still the person who logged in.
CREATE FUNCTION kvh_units(p_role text) RETURNS SETOF BIGINT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
    WITH RECURSIVE scope(id) AS (
        SELECT g.unit_id FROM server_grant g WHERE g.login = session_user::text AND g.role = p_role
        UNION
        SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id)
    SELECT id FROM scope
$$;
REVOKE ALL ON FUNCTION kvh_units(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kvh_units(text) TO kvh_anvandare;

-- Every unit where the person holds any role (for the overview without free text).
CREATE FUNCTION kvh_any_units() RETURNS SETOF BIGINT
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
    WITH RECURSIVE scope(id) AS (
        SELECT g.unit_id FROM server_grant g WHERE g.login = session_user::text
        UNION
        SELECT u.id FROM unit u JOIN scope s ON u.parent_id = s.id)
    SELECT id FROM scope
$$;
REVOKE ALL ON FUNCTION kvh_any_units() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kvh_any_units() TO kvh_anvandare;

-- 3. Table privileges. Reading the organisation, lists, templates and settings is for everyone; the tables that
-- hold cases and answers are readable by the roles that work with them, and row security narrows them further.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO kvh_anvandare;
GRANT SELECT ON app_setting, business_area, unit, deviation_category, cause_category, measure_type, deadline_rule,
    unit_denominator, self_check_template, self_check_section, self_check_question, self_check_round,
    risk_template, annual_activity, annual_activity_done, import_mapping, saved_filter TO kvh_anvandare;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} TO kvh_anvandare;
-- The program checks the schema version before it opens a server database (decision 3).
GRANT SELECT ON flyway_schema_history, kvh_server_schema_history TO kvh_anvandare;

-- Case tables: not for läsare (aggregates only, through deviation_overview).
GRANT SELECT ON deviation, deviation_cause, deviation_link, action_item, self_check_response, self_check_answer,
    self_check_answer_import, self_check_form_copy, person, council_meeting, council_agenda_item, council_follow_up,
    council_ordered_analysis, council_participant, council_reviewed_deviation, risk_analysis, risk_item,
    analysis_cause, analysis_deviation, analysis_step, analysis_timeline, quality_dialogue, quality_goal,
    quality_plan, quality_plan_link, report_text, board_meeting
    TO kvh_sektionschef, kvh_kvalitetsutvecklare, kvh_sas, kvh_mas, kvh_radsledamot;

-- The quality coordinator maintains everything (templates, rounds, lists, reports, the organisation).
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO kvh_kvalitetsutvecklare;
REVOKE INSERT, UPDATE, DELETE ON server_grant, audit_log FROM kvh_kvalitetsutvecklare;

-- Section chiefs register and follow their units' deviations, fill in self-checks, keep their actions.
GRANT INSERT, UPDATE ON deviation, action_item, self_check_response, self_check_answer, self_check_answer_import,
    self_check_form_copy TO kvh_sektionschef;
GRANT INSERT, DELETE ON deviation_cause, deviation_link TO kvh_sektionschef;
GRANT DELETE ON self_check_answer, action_item TO kvh_sektionschef;
GRANT INSERT, UPDATE, DELETE ON saved_filter TO kvh_anvandare;

-- SAS (lex Sarah) and MAS/MAR (lex Maria, HSL) investigate and assess their cases.
GRANT INSERT, UPDATE ON deviation, action_item TO kvh_sas, kvh_mas;
GRANT INSERT, DELETE ON deviation_cause, deviation_link TO kvh_sas, kvh_mas;

-- Council members read their units and record decisions.
GRANT INSERT, UPDATE, DELETE ON council_meeting, council_agenda_item, council_follow_up, council_participant,
    council_reviewed_deviation, council_ordered_analysis TO kvh_radsledamot;
GRANT INSERT, UPDATE ON action_item TO kvh_radsledamot;

-- 4. Row-level security.
ALTER TABLE deviation ENABLE ROW LEVEL SECURITY;
CREATE POLICY deviation_kvalitetsutvecklare ON deviation TO kvh_kvalitetsutvecklare
    USING (unit_id IN (SELECT kvh_units('kvalitetsutvecklare')))
    WITH CHECK (unit_id IN (SELECT kvh_units('kvalitetsutvecklare')));
CREATE POLICY deviation_sektionschef ON deviation TO kvh_sektionschef
    USING (unit_id IN (SELECT kvh_units('sektionschef')))
    WITH CHECK (unit_id IN (SELECT kvh_units('sektionschef')));
CREATE POLICY deviation_sas ON deviation TO kvh_sas
    USING (kind = 'LEX_SARAH' AND unit_id IN (SELECT kvh_units('sas')))
    WITH CHECK (kind = 'LEX_SARAH' AND unit_id IN (SELECT kvh_units('sas')));
CREATE POLICY deviation_mas ON deviation TO kvh_mas
    USING ((kind IN ('LEX_MARIA', 'HSL_AVVIKELSE') OR law = 'HSL') AND unit_id IN (SELECT kvh_units('mas')))
    WITH CHECK ((kind IN ('LEX_MARIA', 'HSL_AVVIKELSE') OR law = 'HSL') AND unit_id IN (SELECT kvh_units('mas')));
-- Council members read their units' cases, but not the free text of lex Sarah and lex Maria cases (those they
-- see counted in deviation_overview).
CREATE POLICY deviation_radsledamot ON deviation FOR SELECT TO kvh_radsledamot
    USING (kind NOT IN ('LEX_SARAH', 'LEX_MARIA') AND unit_id IN (SELECT kvh_units('radsledamot')));

-- Causes and links follow the deviation they belong to (the subquery applies the reader's own policies).
ALTER TABLE deviation_cause ENABLE ROW LEVEL SECURITY;
CREATE POLICY deviation_cause_follows ON deviation_cause TO kvh_anvandare
    USING (deviation_id IN (SELECT id FROM deviation)) WITH CHECK (deviation_id IN (SELECT id FROM deviation));
ALTER TABLE deviation_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY deviation_link_follows ON deviation_link TO kvh_anvandare
    USING (from_id IN (SELECT id FROM deviation)) WITH CHECK (from_id IN (SELECT id FROM deviation));

-- Actions: by unit; an action of a deviation also for whoever may see that deviation.
ALTER TABLE action_item ENABLE ROW LEVEL SECURITY;
CREATE POLICY action_kvalitetsutvecklare ON action_item TO kvh_kvalitetsutvecklare
    USING (unit_id IS NULL OR unit_id IN (SELECT kvh_units('kvalitetsutvecklare')))
    WITH CHECK (unit_id IS NULL OR unit_id IN (SELECT kvh_units('kvalitetsutvecklare')));
CREATE POLICY action_unit ON action_item TO kvh_sektionschef, kvh_radsledamot
    USING (unit_id IN (SELECT kvh_any_units()))
    WITH CHECK (unit_id IN (SELECT kvh_any_units()));
CREATE POLICY action_of_visible_deviation ON action_item TO kvh_sektionschef, kvh_sas, kvh_mas
    USING (source_type = 'DEVIATION' AND source_id IN (SELECT id FROM deviation))
    WITH CHECK (source_type = 'DEVIATION' AND source_id IN (SELECT id FROM deviation));

-- Self-checks: a unit's responses and answers.
ALTER TABLE self_check_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY response_kvalitetsutvecklare ON self_check_response TO kvh_kvalitetsutvecklare
    USING (unit_id IN (SELECT kvh_units('kvalitetsutvecklare')))
    WITH CHECK (unit_id IN (SELECT kvh_units('kvalitetsutvecklare')));
CREATE POLICY response_sektionschef ON self_check_response TO kvh_sektionschef
    USING (unit_id IN (SELECT kvh_units('sektionschef')))
    WITH CHECK (unit_id IN (SELECT kvh_units('sektionschef')));
CREATE POLICY response_radsledamot ON self_check_response FOR SELECT TO kvh_radsledamot
    USING (unit_id IN (SELECT kvh_units('radsledamot')));
ALTER TABLE self_check_answer ENABLE ROW LEVEL SECURITY;
CREATE POLICY answer_follows ON self_check_answer TO kvh_anvandare
    USING (response_id IN (SELECT id FROM self_check_response))
    WITH CHECK (response_id IN (SELECT id FROM self_check_response));

-- 5. The audit trail: everyone appends, nobody in the application changes or deletes a row; a row names the login
-- that wrote it (session_user), whatever the client claims. Readable where the audited deviation is readable.
GRANT SELECT, INSERT ON audit_log TO kvh_anvandare;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM kvh_anvandare, kvh_kvalitetsutvecklare;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_append ON audit_log FOR INSERT TO kvh_anvandare WITH CHECK (true);
CREATE POLICY audit_read_all ON audit_log FOR SELECT TO kvh_kvalitetsutvecklare USING (true);
CREATE POLICY audit_read_own ON audit_log FOR SELECT TO kvh_anvandare
    USING (actor = session_user::text OR (entity = 'deviation' AND entity_id IN (SELECT id FROM deviation)));

CREATE FUNCTION kvh_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Application logins are named by the database; the owner (server migrate copying a file's history) is not.
    IF session_user::text <> (SELECT tableowner FROM pg_catalog.pg_tables
                              WHERE schemaname = TG_TABLE_SCHEMA AND tablename = TG_TABLE_NAME)
       AND NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user) THEN
        NEW.actor := session_user::text;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION kvh_audit_actor();

-- 6. Aggregates without free text, for läsare/nämnd and for counting what a role may not read in full.
CREATE VIEW deviation_overview WITH (security_barrier) AS
    SELECT id, case_ref, kind, law, unit_id, category_id, status, occurred_on, reported_on, registered_on, due_on,
           closed_on, assessment, serious, ivo_reported_on
    FROM deviation
    WHERE unit_id IN (SELECT kvh_any_units());
GRANT SELECT ON deviation_overview TO kvh_anvandare;
