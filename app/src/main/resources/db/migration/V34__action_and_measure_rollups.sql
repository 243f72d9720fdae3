${sqlite_only}-- Roll-ups of improvement actions and of measure types (decision 0031, after 0021's V27_5): the action backlog
${sqlite_only}-- (actions per unit × month opened × month done × month first overdue at a month end) and the Pareto of measure types
${sqlite_only}-- (a deviation's measures per month × unit × kind × measure type), each at two levels (with and without the unit).
${sqlite_only}-- Kept exact by triggers in the transaction of every write, as V27_5's are: an action's roll-up row depends on the
${sqlite_only}-- action and on its source (the deviation's registration, the council meeting, the risk analysis, the self-check
${sqlite_only}-- answer's response and round, the quality plan's year), so every table that can move an action has triggers, one
${sqlite_only}-- pattern for all: BEFORE a change, the affected actions' contributions are taken out as the views below compute them
${sqlite_only}-- from the rows as they are; AFTER it, they are put back as the views compute them from the rows as they are now. A
${sqlite_only}-- row that reaches 0 is deleted, so each table equals a GROUP BY recount of its view row for row.
${sqlite_only}--
${sqlite_only}-- SQLite only: every line starts with the placeholder sqlite_only (empty for SQLite, a comment marker for PostgreSQL,
${sqlite_only}-- where row-level security decides what a user may count; decision 0021).
${sqlite_only}--
${sqlite_only}-- agg_suspension: while it holds a row, the INSERT triggers of every roll-up (V27_5's too, redefined here) do nothing.
${sqlite_only}-- Only the deviation import writes it, inside its own transaction: it inserts the rows and adds their contributions
${sqlite_only}-- once, grouped, before the row is deleted and the transaction commits (all or nothing; no other connection ever sees
${sqlite_only}-- the row). Updates and deletes are maintained even then.
${sqlite_only}--
${sqlite_only}-- Empty months are '' in dm (not done) and ofm (no due date): a key column cannot be null. unit_key is 0 for an action
${sqlite_only}-- without a unit, measure_key 0 for a measure without a type. The expressions are the ones ChartRepository's
${sqlite_only}-- base-table queries use (RollupRecountTest compares the answers).
${sqlite_only}CREATE TABLE agg_suspension (
${sqlite_only}    reason VARCHAR(100) NOT NULL
${sqlite_only});

${sqlite_only}CREATE VIEW agg_action_row AS
${sqlite_only}    SELECT x.id, x.source_type, x.source_id, x.unit_key, x.om,
${sqlite_only}           coalesce(x.dm, '') AS dm,
${sqlite_only}           CASE WHEN x.nm IS NULL THEN '' WHEN x.nm > x.om THEN x.nm ELSE x.om END AS ofm
${sqlite_only}    FROM (SELECT a.id, a.source_type, a.source_id, coalesce(a.unit_id, 0) AS unit_key,
${sqlite_only}                 substr(CASE a.source_type
${sqlite_only}                     WHEN 'DEVIATION' THEN CAST((SELECT d.registered_on FROM deviation d WHERE d.id = a.source_id) AS VARCHAR)
${sqlite_only}                     WHEN 'COUNCIL' THEN CAST((SELECT m.held_on FROM council_meeting m WHERE m.id = a.source_id) AS VARCHAR)
${sqlite_only}                     WHEN 'RISK_ANALYSIS' THEN CAST((SELECT r.analysed_on FROM risk_analysis r WHERE r.id = a.source_id) AS VARCHAR)
${sqlite_only}                     WHEN 'SELF_CHECK' THEN (SELECT coalesce(CAST(sr.submitted_at AS VARCHAR), CAST(sd.period_end AS VARCHAR))
${sqlite_only}                                             FROM self_check_answer sa
${sqlite_only}                                             JOIN self_check_response sr ON sr.id = sa.response_id
${sqlite_only}                                             JOIN self_check_round sd ON sd.id = sr.round_id
${sqlite_only}                                             WHERE sa.id = a.source_id)
${sqlite_only}                     WHEN 'QUALITY_PLAN' THEN (SELECT (CAST(q.plan_year AS VARCHAR) || '-01') FROM quality_plan q WHERE q.id = a.source_id)
${sqlite_only}                 END, 1, 7) AS om,
${sqlite_only}                 substr(CAST(a.done_on AS VARCHAR), 1, 7) AS dm,
${sqlite_only}                 substr(CAST(strftime('%Y-%m-%d %H:%M:%f', a.due_on, (CAST(1 AS VARCHAR) || ' day')) AS VARCHAR), 1, 7) AS nm
${sqlite_only}          FROM action_item a) x
${sqlite_only}    WHERE x.om IS NOT NULL AND (x.dm IS NULL OR x.dm >= x.om);

${sqlite_only}CREATE VIEW agg_measure_row AS
${sqlite_only}    SELECT a.id, a.source_type, a.source_id, d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7) AS ym,
${sqlite_only}           d.kind,
${sqlite_only}           coalesce(a.measure_type_id, 0) AS measure_key
${sqlite_only}    FROM action_item a JOIN deviation d ON d.id = a.source_id
${sqlite_only}    WHERE a.source_type = 'DEVIATION';

${sqlite_only}-- actions per unit x month opened x month done x month first overdue: the backlog of some units
${sqlite_only}CREATE TABLE agg_action_month (
${sqlite_only}    unit_key BIGINT     NOT NULL,
${sqlite_only}    om       VARCHAR(7) NOT NULL,
${sqlite_only}    dm       VARCHAR(7) NOT NULL,
${sqlite_only}    ofm      VARCHAR(7) NOT NULL,
${sqlite_only}    n        BIGINT     NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_key, om, dm, ofm)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- the same for all units (actions without a unit included): the whole backlog
${sqlite_only}CREATE TABLE agg_action_all_month (
${sqlite_only}    om       VARCHAR(7) NOT NULL,
${sqlite_only}    dm       VARCHAR(7) NOT NULL,
${sqlite_only}    ofm      VARCHAR(7) NOT NULL,
${sqlite_only}    n        BIGINT     NOT NULL,
${sqlite_only}    PRIMARY KEY (om, dm, ofm)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- measures of deviations per month x unit x kind x measure type
${sqlite_only}CREATE TABLE agg_measure_month (
${sqlite_only}    unit_id     BIGINT      NOT NULL,
${sqlite_only}    ym          VARCHAR(7)  NOT NULL,
${sqlite_only}    kind        VARCHAR(40) NOT NULL,
${sqlite_only}    measure_key BIGINT      NOT NULL,
${sqlite_only}    n           BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_id, ym, kind, measure_key)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- per month x kind x measure type, all units
${sqlite_only}CREATE TABLE agg_measure_kind_month (
${sqlite_only}    ym          VARCHAR(7)  NOT NULL,
${sqlite_only}    kind        VARCHAR(40) NOT NULL,
${sqlite_only}    measure_key BIGINT      NOT NULL,
${sqlite_only}    n           BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (ym, kind, measure_key)
${sqlite_only}) WITHOUT ROWID;

${sqlite_only}-- Filled from the rows already there.
${sqlite_only}INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}    SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row GROUP BY unit_key, om, dm, ofm;
${sqlite_only}INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}    SELECT om, dm, ofm, count(*) FROM agg_action_row GROUP BY om, dm, ofm;
${sqlite_only}INSERT INTO agg_measure_month (unit_id, ym, kind, measure_key, n)
${sqlite_only}    SELECT unit_id, ym, kind, measure_key, count(*) FROM agg_measure_row GROUP BY unit_id, ym, kind, measure_key;
${sqlite_only}INSERT INTO agg_measure_kind_month (ym, kind, measure_key, n)
${sqlite_only}    SELECT ym, kind, measure_key, count(*) FROM agg_measure_row GROUP BY ym, kind, measure_key;

${sqlite_only}-- V27_5's insert triggers again, with the suspension of a bulk import.
${sqlite_only}DROP TRIGGER agg_deviation_insert;
${sqlite_only}CREATE TRIGGER agg_deviation_insert AFTER INSERT ON deviation
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_deviation_month (unit_id, ym, kind, category_key, status, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, coalesce(NEW.category_id, 0), NEW.status, 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, category_key, status) DO UPDATE SET n = n + 1;
${sqlite_only}    INSERT INTO agg_deviation_unit_month (unit_id, ym, kind, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, kind) DO UPDATE SET n = n + 1;
${sqlite_only}    INSERT INTO agg_deviation_category_month (ym, kind, category_key, n)
${sqlite_only}        VALUES (substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, coalesce(NEW.category_id, 0), 1)
${sqlite_only}        ON CONFLICT (ym, kind, category_key) DO UPDATE SET n = n + 1;
${sqlite_only}    INSERT INTO agg_deviation_status_month (status, kind, ym, n)
${sqlite_only}        VALUES (NEW.status, NEW.kind, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), 1)
${sqlite_only}        ON CONFLICT (status, kind, ym) DO UPDATE SET n = n + 1;
${sqlite_only}END;
${sqlite_only}DROP TRIGGER agg_cause_insert;
${sqlite_only}CREATE TRIGGER agg_cause_insert AFTER INSERT ON deviation_cause
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_cause_month (unit_id, ym, kind, cause_category_id, n)
${sqlite_only}        SELECT d.unit_id, substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.kind, NEW.cause_category_id, 1
${sqlite_only}        FROM deviation d WHERE d.id = NEW.deviation_id AND 1 = 1
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}    INSERT INTO agg_cause_kind_month (ym, kind, cause_category_id, n)
${sqlite_only}        SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.kind, NEW.cause_category_id, 1
${sqlite_only}        FROM deviation d WHERE d.id = NEW.deviation_id AND 1 = 1
${sqlite_only}        ON CONFLICT (ym, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}-- The triggers: for each table that can move an action, what it moves and when.

${sqlite_only}CREATE TRIGGER agg_actions_of_action_insert AFTER INSERT ON action_item
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_month (unit_id, ym, kind, measure_key, n)
${sqlite_only}        SELECT unit_id, ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.id = NEW.id GROUP BY unit_id, ym, kind, measure_key
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_kind_month (ym, kind, measure_key, n)
${sqlite_only}        SELECT ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.id = NEW.id GROUP BY ym, kind, measure_key
${sqlite_only}        ON CONFLICT (ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_action_delete BEFORE DELETE ON action_item
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    UPDATE agg_measure_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.id = OLD.id AND v.unit_id = agg_measure_month.unit_id AND v.ym = agg_measure_month.ym AND v.kind = agg_measure_month.kind AND v.measure_key = agg_measure_month.measure_key)
${sqlite_only}        WHERE (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_month WHERE n = 0 AND (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}    UPDATE agg_measure_kind_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.id = OLD.id AND v.ym = agg_measure_kind_month.ym AND v.kind = agg_measure_kind_month.kind AND v.measure_key = agg_measure_kind_month.measure_key)
${sqlite_only}        WHERE (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_kind_month WHERE n = 0 AND (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_action_update_before BEFORE UPDATE OF id, source_type, source_id, unit_id, done_on, due_on, measure_type_id ON action_item
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.source_type IS NOT NEW.source_type OR OLD.source_id IS NOT NEW.source_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.done_on IS NOT NEW.done_on OR OLD.due_on IS NOT NEW.due_on OR OLD.measure_type_id IS NOT NEW.measure_type_id
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.id = OLD.id);
${sqlite_only}    UPDATE agg_measure_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.id = OLD.id AND v.unit_id = agg_measure_month.unit_id AND v.ym = agg_measure_month.ym AND v.kind = agg_measure_month.kind AND v.measure_key = agg_measure_month.measure_key)
${sqlite_only}        WHERE (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_month WHERE n = 0 AND (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}    UPDATE agg_measure_kind_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.id = OLD.id AND v.ym = agg_measure_kind_month.ym AND v.kind = agg_measure_kind_month.kind AND v.measure_key = agg_measure_kind_month.measure_key)
${sqlite_only}        WHERE (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_kind_month WHERE n = 0 AND (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_action_update_after AFTER UPDATE OF id, source_type, source_id, unit_id, done_on, due_on, measure_type_id ON action_item
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.source_type IS NOT NEW.source_type OR OLD.source_id IS NOT NEW.source_id OR OLD.unit_id IS NOT NEW.unit_id OR OLD.done_on IS NOT NEW.done_on OR OLD.due_on IS NOT NEW.due_on OR OLD.measure_type_id IS NOT NEW.measure_type_id
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_month (unit_id, ym, kind, measure_key, n)
${sqlite_only}        SELECT unit_id, ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.id = NEW.id GROUP BY unit_id, ym, kind, measure_key
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_kind_month (ym, kind, measure_key, n)
${sqlite_only}        SELECT ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.id = NEW.id GROUP BY ym, kind, measure_key
${sqlite_only}        ON CONFLICT (ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_deviation_insert AFTER INSERT ON deviation
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_month (unit_id, ym, kind, measure_key, n)
${sqlite_only}        SELECT unit_id, ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY unit_id, ym, kind, measure_key
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_kind_month (ym, kind, measure_key, n)
${sqlite_only}        SELECT ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY ym, kind, measure_key
${sqlite_only}        ON CONFLICT (ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_deviation_delete BEFORE DELETE ON deviation
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_measure_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.unit_id = agg_measure_month.unit_id AND v.ym = agg_measure_month.ym AND v.kind = agg_measure_month.kind AND v.measure_key = agg_measure_month.measure_key)
${sqlite_only}        WHERE (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_month WHERE n = 0 AND (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_measure_kind_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.ym = agg_measure_kind_month.ym AND v.kind = agg_measure_kind_month.kind AND v.measure_key = agg_measure_kind_month.measure_key)
${sqlite_only}        WHERE (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_kind_month WHERE n = 0 AND (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_deviation_update_before BEFORE UPDATE OF id, registered_on, unit_id, kind ON deviation
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.registered_on IS NOT NEW.registered_on OR OLD.unit_id IS NOT NEW.unit_id OR OLD.kind IS NOT NEW.kind
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_measure_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.unit_id = agg_measure_month.unit_id AND v.ym = agg_measure_month.ym AND v.kind = agg_measure_month.kind AND v.measure_key = agg_measure_month.measure_key)
${sqlite_only}        WHERE (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_month WHERE n = 0 AND (unit_id, ym, kind, measure_key) IN (SELECT unit_id, ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_measure_kind_month SET n = n - (SELECT count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id AND v.ym = agg_measure_kind_month.ym AND v.kind = agg_measure_kind_month.kind AND v.measure_key = agg_measure_kind_month.measure_key)
${sqlite_only}        WHERE (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_measure_kind_month WHERE n = 0 AND (ym, kind, measure_key) IN (SELECT ym, kind, measure_key FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_deviation_update_after AFTER UPDATE OF id, registered_on, unit_id, kind ON deviation
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.registered_on IS NOT NEW.registered_on OR OLD.unit_id IS NOT NEW.unit_id OR OLD.kind IS NOT NEW.kind
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_month (unit_id, ym, kind, measure_key, n)
${sqlite_only}        SELECT unit_id, ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY unit_id, ym, kind, measure_key
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_measure_kind_month (ym, kind, measure_key, n)
${sqlite_only}        SELECT ym, kind, measure_key, count(*) FROM agg_measure_row v WHERE v.source_type = 'DEVIATION' AND v.source_id = NEW.id GROUP BY ym, kind, measure_key
${sqlite_only}        ON CONFLICT (ym, kind, measure_key) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_council_insert AFTER INSERT ON council_meeting
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_council_delete BEFORE DELETE ON council_meeting
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_council_update_before BEFORE UPDATE OF id, held_on ON council_meeting
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.held_on IS NOT NEW.held_on
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_council_update_after AFTER UPDATE OF id, held_on ON council_meeting
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.held_on IS NOT NEW.held_on
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'COUNCIL' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_risk_insert AFTER INSERT ON risk_analysis
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_risk_delete BEFORE DELETE ON risk_analysis
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_risk_update_before BEFORE UPDATE OF id, analysed_on ON risk_analysis
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.analysed_on IS NOT NEW.analysed_on
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_risk_update_after AFTER UPDATE OF id, analysed_on ON risk_analysis
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.analysed_on IS NOT NEW.analysed_on
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'RISK_ANALYSIS' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_plan_insert AFTER INSERT ON quality_plan
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_plan_delete BEFORE DELETE ON quality_plan
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_plan_update_before BEFORE UPDATE OF id, plan_year ON quality_plan
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.plan_year IS NOT NEW.plan_year
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_plan_update_after AFTER UPDATE OF id, plan_year ON quality_plan
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.plan_year IS NOT NEW.plan_year
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'QUALITY_PLAN' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_sc_answer_insert AFTER INSERT ON self_check_answer
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_answer_delete BEFORE DELETE ON self_check_answer
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_answer_update_before BEFORE UPDATE OF id, response_id ON self_check_answer
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.response_id IS NOT NEW.response_id
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = OLD.id);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_answer_update_after AFTER UPDATE OF id, response_id ON self_check_answer
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.response_id IS NOT NEW.response_id
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = NEW.id GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id = NEW.id GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_sc_response_insert AFTER INSERT ON self_check_response
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = NEW.id) GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = NEW.id) GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_response_delete BEFORE DELETE ON self_check_response
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id) AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id) AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_response_update_before BEFORE UPDATE OF id, round_id, submitted_at ON self_check_response
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.round_id IS NOT NEW.round_id OR OLD.submitted_at IS NOT NEW.submitted_at
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id) AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id) AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = OLD.id));
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_response_update_after AFTER UPDATE OF id, round_id, submitted_at ON self_check_response
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.round_id IS NOT NEW.round_id OR OLD.submitted_at IS NOT NEW.submitted_at
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = NEW.id) GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s WHERE s.response_id = NEW.id) GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_actions_of_sc_round_insert AFTER INSERT ON self_check_round
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = NEW.id) GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = NEW.id) GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_round_delete BEFORE DELETE ON self_check_round
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id) AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id) AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_round_update_before BEFORE UPDATE OF id, period_end ON self_check_round
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.period_end IS NOT NEW.period_end
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_action_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id) AND v.unit_key = agg_action_month.unit_key AND v.om = agg_action_month.om AND v.dm = agg_action_month.dm AND v.ofm = agg_action_month.ofm)
${sqlite_only}        WHERE (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_month WHERE n = 0 AND (unit_key, om, dm, ofm) IN (SELECT unit_key, om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}    UPDATE agg_action_all_month SET n = n - (SELECT count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id) AND v.om = agg_action_all_month.om AND v.dm = agg_action_all_month.dm AND v.ofm = agg_action_all_month.ofm)
${sqlite_only}        WHERE (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}    DELETE FROM agg_action_all_month WHERE n = 0 AND (om, dm, ofm) IN (SELECT om, dm, ofm FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = OLD.id));
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER agg_actions_of_sc_round_update_after AFTER UPDATE OF id, period_end ON self_check_round
${sqlite_only}    WHEN OLD.id IS NOT NEW.id OR OLD.period_end IS NOT NEW.period_end
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_action_month (unit_key, om, dm, ofm, n)
${sqlite_only}        SELECT unit_key, om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = NEW.id) GROUP BY unit_key, om, dm, ofm
${sqlite_only}        ON CONFLICT (unit_key, om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}    INSERT INTO agg_action_all_month (om, dm, ofm, n)
${sqlite_only}        SELECT om, dm, ofm, count(*) FROM agg_action_row v WHERE v.source_type = 'SELF_CHECK' AND v.source_id IN (SELECT s.id FROM self_check_answer s JOIN self_check_response r ON r.id = s.response_id WHERE r.round_id = NEW.id) GROUP BY om, dm, ofm
${sqlite_only}        ON CONFLICT (om, dm, ofm) DO UPDATE SET n = n + excluded.n;
${sqlite_only}END;


