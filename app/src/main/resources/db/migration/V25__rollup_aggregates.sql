${sqlite_only}-- Roll-up aggregates (decision 0021): deviations counted per month x unit x kind x category x status and their stated
${sqlite_only}-- causes per month x unit x kind x cause, kept exact by triggers in the same transaction as every write to deviation
${sqlite_only}-- and deviation_cause (the editor, the import, merges of lists, demo data, deletes). The chart and count queries read them for whole months and the
${sqlite_only}-- base table for the days of a month only partly inside a period. `check --rebuild-aggregates` rebuilds and verifies.
${sqlite_only}--
${sqlite_only}-- SQLite only: every line starts with the placeholder sqlite_only, empty for SQLite and a comment marker for
${sqlite_only}-- PostgreSQL. There the row-level security of deviation (by unit, kind and law per role) decides which rows a user may
${sqlite_only}-- count, and a roll-up could not honour it without copying every policy; PostgreSQL reads the base tables.
${sqlite_only}--
${sqlite_only}-- category_key is the category's id, 0 when none is stated (a key column cannot be null).
${sqlite_only}CREATE TABLE agg_deviation_month (
${sqlite_only}    ym           VARCHAR(7)  NOT NULL,
${sqlite_only}    unit_id      BIGINT      NOT NULL,
${sqlite_only}    kind         VARCHAR(40) NOT NULL,
${sqlite_only}    category_key BIGINT      NOT NULL,
${sqlite_only}    status       VARCHAR(20) NOT NULL,
${sqlite_only}    n            BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (ym, unit_id, kind, category_key, status)
${sqlite_only});
${sqlite_only}-- Stated causes per month x unit x kind x cause: a deviation's category and status would multiply the rows towards one
${sqlite_only}-- per cause stated; a cause Pareto filtered on them reads the base tables.
${sqlite_only}CREATE TABLE agg_cause_month (
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    cause_category_id BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (ym, unit_id, kind, cause_category_id)
${sqlite_only});

${sqlite_only}INSERT INTO agg_deviation_month (ym, unit_id, kind, category_key, status, n)
${sqlite_only}    SELECT substr(CAST(registered_on AS VARCHAR), 1, 7), unit_id, kind, coalesce(category_id, 0), status, count(*)
${sqlite_only}    FROM deviation
${sqlite_only}    GROUP BY substr(CAST(registered_on AS VARCHAR), 1, 7), unit_id, kind, coalesce(category_id, 0), status;
${sqlite_only}INSERT INTO agg_cause_month (ym, unit_id, kind, cause_category_id, n)
${sqlite_only}    SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.unit_id, d.kind, c.cause_category_id, count(*)
${sqlite_only}    FROM deviation d JOIN deviation_cause c ON c.deviation_id = d.id
${sqlite_only}    GROUP BY substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.unit_id, d.kind, c.cause_category_id;

${sqlite_only}CREATE TRIGGER agg_deviation_insert AFTER INSERT ON deviation
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_deviation_month (ym, unit_id, kind, category_key, status, n)
${sqlite_only}        VALUES (substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.unit_id, NEW.kind, coalesce(NEW.category_id, 0),
${sqlite_only}                NEW.status, 1)
${sqlite_only}        ON CONFLICT (ym, unit_id, kind, category_key, status) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}-- A deviation's causes are deleted first, while the deviation is still there to say where they were counted.
${sqlite_only}CREATE TRIGGER agg_deviation_delete BEFORE DELETE ON deviation
${sqlite_only}BEGIN
${sqlite_only}    DELETE FROM deviation_cause WHERE deviation_id = OLD.id;
${sqlite_only}    UPDATE agg_deviation_month SET n = n - 1
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND unit_id = OLD.unit_id AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND status = OLD.status;
${sqlite_only}    DELETE FROM agg_deviation_month
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND unit_id = OLD.unit_id AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND status = OLD.status AND n = 0;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_deviation_update AFTER UPDATE OF registered_on, unit_id, kind, category_id, status ON deviation
${sqlite_only}    WHEN substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) IS NOT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7)
${sqlite_only}      OR OLD.unit_id IS NOT NEW.unit_id OR OLD.kind IS NOT NEW.kind OR OLD.category_id IS NOT NEW.category_id
${sqlite_only}      OR OLD.status IS NOT NEW.status
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_month SET n = n - 1
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND unit_id = OLD.unit_id AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND status = OLD.status;
${sqlite_only}    DELETE FROM agg_deviation_month
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND unit_id = OLD.unit_id AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND status = OLD.status AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_month (ym, unit_id, kind, category_key, status, n)
${sqlite_only}        VALUES (substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.unit_id, NEW.kind, coalesce(NEW.category_id, 0),
${sqlite_only}                NEW.status, 1)
${sqlite_only}        ON CONFLICT (ym, unit_id, kind, category_key, status) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_deviation_update_causes AFTER UPDATE OF registered_on, unit_id, kind ON deviation
${sqlite_only}    WHEN substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) IS NOT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7)
${sqlite_only}      OR OLD.unit_id IS NOT NEW.unit_id OR OLD.kind IS NOT NEW.kind
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_cause_month SET n = n - 1
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND unit_id = OLD.unit_id AND kind = OLD.kind
${sqlite_only}          AND cause_category_id IN (SELECT cause_category_id FROM deviation_cause WHERE deviation_id = OLD.id);
${sqlite_only}    DELETE FROM agg_cause_month
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND unit_id = OLD.unit_id AND kind = OLD.kind
${sqlite_only}          AND n = 0;
${sqlite_only}    INSERT INTO agg_cause_month (ym, unit_id, kind, cause_category_id, n)
${sqlite_only}        SELECT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.unit_id, NEW.kind, cause_category_id, 1
${sqlite_only}        FROM deviation_cause WHERE deviation_id = NEW.id AND 1 = 1
${sqlite_only}        ON CONFLICT (ym, unit_id, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_cause_insert AFTER INSERT ON deviation_cause
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_cause_month (ym, unit_id, kind, cause_category_id, n)
${sqlite_only}        SELECT substr(CAST(registered_on AS VARCHAR), 1, 7), unit_id, kind, NEW.cause_category_id, 1
${sqlite_only}        FROM deviation WHERE id = NEW.deviation_id AND 1 = 1
${sqlite_only}        ON CONFLICT (ym, unit_id, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_cause_delete AFTER DELETE ON deviation_cause
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_cause_month SET n = n - 1
${sqlite_only}        WHERE ym = (SELECT substr(CAST(registered_on AS VARCHAR), 1, 7) FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND unit_id = (SELECT unit_id FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT kind FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND cause_category_id = OLD.cause_category_id;
${sqlite_only}    DELETE FROM agg_cause_month
${sqlite_only}        WHERE ym = (SELECT substr(CAST(registered_on AS VARCHAR), 1, 7) FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND unit_id = (SELECT unit_id FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT kind FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND cause_category_id = OLD.cause_category_id AND n = 0;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_cause_update AFTER UPDATE OF deviation_id, cause_category_id ON deviation_cause
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_cause_month SET n = n - 1
${sqlite_only}        WHERE ym = (SELECT substr(CAST(registered_on AS VARCHAR), 1, 7) FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND unit_id = (SELECT unit_id FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT kind FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND cause_category_id = OLD.cause_category_id;
${sqlite_only}    DELETE FROM agg_cause_month
${sqlite_only}        WHERE ym = (SELECT substr(CAST(registered_on AS VARCHAR), 1, 7) FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND unit_id = (SELECT unit_id FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT kind FROM deviation WHERE id = OLD.deviation_id)
${sqlite_only}          AND cause_category_id = OLD.cause_category_id AND n = 0;
${sqlite_only}    INSERT INTO agg_cause_month (ym, unit_id, kind, cause_category_id, n)
${sqlite_only}        SELECT substr(CAST(registered_on AS VARCHAR), 1, 7), unit_id, kind, NEW.cause_category_id, 1
${sqlite_only}        FROM deviation WHERE id = NEW.deviation_id AND 1 = 1
${sqlite_only}        ON CONFLICT (ym, unit_id, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}END;
