${sqlite_only}-- Roll-up aggregates (decision 0021): deviations and their stated causes counted per month and the dimensions the
${sqlite_only}-- charts filter and group by, at four (deviations) and two (causes) levels of detail, so that a question reads the
${sqlite_only}-- smallest table that can answer it. They are kept exact by triggers in the same transaction as every write to
${sqlite_only}-- deviation and deviation_cause (the editor, status changes, the import, merges of lists, demo data, deletes): a row
${sqlite_only}-- that reaches 0 is deleted, so each table equals a GROUP BY recount row for row. The chart and count queries read
${sqlite_only}-- them for whole months and the base table for the days of a month only partly inside a period.
${sqlite_only}-- `check --rebuild-aggregates` rebuilds and verifies them.
${sqlite_only}--
${sqlite_only}-- SQLite only: every line starts with the placeholder sqlite_only, empty for SQLite and a comment marker for
${sqlite_only}-- PostgreSQL. There the row-level security of deviation (by unit, kind and law per role) decides which rows a user may
${sqlite_only}-- count, and a roll-up could not honour it without copying every policy; PostgreSQL reads the base tables.
${sqlite_only}--
${sqlite_only}-- category_key is the category's id, 0 when none is stated (a key column cannot be null). The cause roll-ups keep no
${sqlite_only}-- category and no status (with them they would hold nearly one row per stated cause): a cause Pareto filtered on them
${sqlite_only}-- reads the base tables.
${sqlite_only}--
${sqlite_only}-- The tables are WITHOUT ROWID: the primary key is the table, so a range of months (of each unit asked for, where the
${sqlite_only}-- table keeps units) is read in key order without a second look-up per row. Generated from one list of tables and dimensions: every table's triggers follow one pattern.
${sqlite_only}-- deviations per month x unit x kind x category x status: any filter on those
${sqlite_only}CREATE TABLE agg_deviation_month (
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    category_key      BIGINT      NOT NULL,
${sqlite_only}    status            VARCHAR(20) NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_id, ym, kind, category_key, status)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- per month x unit x kind: the tertial table, counts by unit and kind
${sqlite_only}CREATE TABLE agg_deviation_unit_month (
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_id, ym, kind)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- per month x kind x category, all units: the whole register's trend and Pareto
${sqlite_only}CREATE TABLE agg_deviation_category_month (
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    category_key      BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (ym, kind, category_key)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- per status x kind x month, all units: the home screen's open cases, counts by status
${sqlite_only}CREATE TABLE agg_deviation_status_month (
${sqlite_only}    status            VARCHAR(20) NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (status, kind, ym)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- stated causes per month x unit x kind x cause
${sqlite_only}CREATE TABLE agg_cause_month (
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    cause_category_id BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_id, ym, kind, cause_category_id)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}-- stated causes per month x kind x cause, all units
${sqlite_only}CREATE TABLE agg_cause_kind_month (
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    cause_category_id BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (ym, kind, cause_category_id)
${sqlite_only}) WITHOUT ROWID;

${sqlite_only}-- Filled from the rows already there.
${sqlite_only}INSERT INTO agg_deviation_month (unit_id, ym, kind, category_key, status, n)
${sqlite_only}    SELECT d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind,
${sqlite_only}           coalesce(d.category_id, 0),
${sqlite_only}           d.status, count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    GROUP BY d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind,
${sqlite_only}           coalesce(d.category_id, 0),
${sqlite_only}           d.status;
${sqlite_only}INSERT INTO agg_deviation_unit_month (unit_id, ym, kind, n)
${sqlite_only}    SELECT d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind, count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    GROUP BY d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind;
${sqlite_only}INSERT INTO agg_deviation_category_month (ym, kind, category_key, n)
${sqlite_only}    SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind,
${sqlite_only}           coalesce(d.category_id, 0), count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    GROUP BY substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind,
${sqlite_only}           coalesce(d.category_id, 0);
${sqlite_only}INSERT INTO agg_deviation_status_month (status, kind, ym, n)
${sqlite_only}    SELECT d.status,
${sqlite_only}           d.kind,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7), count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    GROUP BY d.status,
${sqlite_only}           d.kind,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7);
${sqlite_only}INSERT INTO agg_cause_month (unit_id, ym, kind, cause_category_id, n)
${sqlite_only}    SELECT d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind, c.cause_category_id, count(*)
${sqlite_only}    FROM deviation d JOIN deviation_cause c ON c.deviation_id = d.id
${sqlite_only}    GROUP BY d.unit_id,
${sqlite_only}           substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind, c.cause_category_id;
${sqlite_only}INSERT INTO agg_cause_kind_month (ym, kind, cause_category_id, n)
${sqlite_only}    SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind, c.cause_category_id, count(*)
${sqlite_only}    FROM deviation d JOIN deviation_cause c ON c.deviation_id = d.id
${sqlite_only}    GROUP BY substr(CAST(d.registered_on AS VARCHAR), 1, 7),
${sqlite_only}           d.kind, c.cause_category_id;

${sqlite_only}CREATE TRIGGER agg_deviation_insert AFTER INSERT ON deviation
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

${sqlite_only}-- A deviation's causes are deleted first, while the deviation is still there to say where they were counted.
${sqlite_only}CREATE TRIGGER agg_deviation_delete BEFORE DELETE ON deviation
${sqlite_only}BEGIN
${sqlite_only}    DELETE FROM deviation_cause WHERE deviation_id = OLD.id;
${sqlite_only}    UPDATE agg_deviation_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0)
${sqlite_only}          AND status = OLD.status;
${sqlite_only}    DELETE FROM agg_deviation_month
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0)
${sqlite_only}          AND status = OLD.status AND n = 0;
${sqlite_only}    UPDATE agg_deviation_unit_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind;
${sqlite_only}    DELETE FROM agg_deviation_unit_month
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind AND n = 0;
${sqlite_only}    UPDATE agg_deviation_category_month SET n = n - 1
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0);
${sqlite_only}    DELETE FROM agg_deviation_category_month
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND n = 0;
${sqlite_only}    UPDATE agg_deviation_status_month SET n = n - 1
${sqlite_only}        WHERE status = OLD.status
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7);
${sqlite_only}    DELETE FROM agg_deviation_status_month
${sqlite_only}        WHERE status = OLD.status
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND n = 0;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_deviation_update AFTER UPDATE OF registered_on, unit_id, kind, category_id, status ON deviation
${sqlite_only}    WHEN substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) IS NOT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7)
${sqlite_only}       OR OLD.unit_id IS NOT NEW.unit_id
${sqlite_only}       OR OLD.kind IS NOT NEW.kind
${sqlite_only}       OR coalesce(OLD.category_id, 0) IS NOT coalesce(NEW.category_id, 0)
${sqlite_only}       OR OLD.status IS NOT NEW.status
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0)
${sqlite_only}          AND status = OLD.status;
${sqlite_only}    DELETE FROM agg_deviation_month
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0)
${sqlite_only}          AND status = OLD.status AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_month (unit_id, ym, kind, category_key, status, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, coalesce(NEW.category_id, 0), NEW.status, 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, category_key, status) DO UPDATE SET n = n + 1;
${sqlite_only}    UPDATE agg_deviation_unit_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind;
${sqlite_only}    DELETE FROM agg_deviation_unit_month
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_unit_month (unit_id, ym, kind, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, kind) DO UPDATE SET n = n + 1;
${sqlite_only}    UPDATE agg_deviation_category_month SET n = n - 1
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0);
${sqlite_only}    DELETE FROM agg_deviation_category_month
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_category_month (ym, kind, category_key, n)
${sqlite_only}        VALUES (substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, coalesce(NEW.category_id, 0), 1)
${sqlite_only}        ON CONFLICT (ym, kind, category_key) DO UPDATE SET n = n + 1;
${sqlite_only}    UPDATE agg_deviation_status_month SET n = n - 1
${sqlite_only}        WHERE status = OLD.status
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7);
${sqlite_only}    DELETE FROM agg_deviation_status_month
${sqlite_only}        WHERE status = OLD.status
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_status_month (status, kind, ym, n)
${sqlite_only}        VALUES (NEW.status, NEW.kind, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), 1)
${sqlite_only}        ON CONFLICT (status, kind, ym) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}-- The deviation's stated causes move with it.
${sqlite_only}CREATE TRIGGER agg_deviation_update_causes AFTER UPDATE OF registered_on, unit_id, kind ON deviation
${sqlite_only}    WHEN substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) IS NOT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7)
${sqlite_only}       OR OLD.unit_id IS NOT NEW.unit_id
${sqlite_only}       OR OLD.kind IS NOT NEW.kind
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_cause_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}        AND cause_category_id IN (SELECT cause_category_id FROM deviation_cause WHERE deviation_id = OLD.id);
${sqlite_only}    DELETE FROM agg_cause_month
${sqlite_only}        WHERE unit_id = OLD.unit_id
${sqlite_only}          AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind AND n = 0;
${sqlite_only}    INSERT INTO agg_cause_month (unit_id, ym, kind, cause_category_id, n)
${sqlite_only}        SELECT NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, cause_category_id, 1
${sqlite_only}        FROM deviation_cause WHERE deviation_id = NEW.id AND 1 = 1
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}    UPDATE agg_cause_kind_month SET n = n - 1
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind
${sqlite_only}        AND cause_category_id IN (SELECT cause_category_id FROM deviation_cause WHERE deviation_id = OLD.id);
${sqlite_only}    DELETE FROM agg_cause_kind_month
${sqlite_only}        WHERE ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND kind = OLD.kind AND n = 0;
${sqlite_only}    INSERT INTO agg_cause_kind_month (ym, kind, cause_category_id, n)
${sqlite_only}        SELECT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, cause_category_id, 1
${sqlite_only}        FROM deviation_cause WHERE deviation_id = NEW.id AND 1 = 1
${sqlite_only}        ON CONFLICT (ym, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_cause_insert AFTER INSERT ON deviation_cause
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

${sqlite_only}CREATE TRIGGER agg_cause_delete AFTER DELETE ON deviation_cause
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_cause_month SET n = n - 1
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND unit_id = (SELECT d.unit_id FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id);
${sqlite_only}    DELETE FROM agg_cause_month
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND unit_id = (SELECT d.unit_id FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id) AND n = 0;
${sqlite_only}    UPDATE agg_cause_kind_month SET n = n - 1
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id);
${sqlite_only}    DELETE FROM agg_cause_kind_month
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id) AND n = 0;
${sqlite_only}END;

${sqlite_only}CREATE TRIGGER agg_cause_update AFTER UPDATE OF deviation_id, cause_category_id ON deviation_cause
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_cause_month SET n = n - 1
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND unit_id = (SELECT d.unit_id FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id);
${sqlite_only}    DELETE FROM agg_cause_month
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND unit_id = (SELECT d.unit_id FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id) AND n = 0;
${sqlite_only}    INSERT INTO agg_cause_month (unit_id, ym, kind, cause_category_id, n)
${sqlite_only}        SELECT d.unit_id, substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.kind, NEW.cause_category_id, 1
${sqlite_only}        FROM deviation d WHERE d.id = NEW.deviation_id AND 1 = 1
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}    UPDATE agg_cause_kind_month SET n = n - 1
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id);
${sqlite_only}    DELETE FROM agg_cause_kind_month
${sqlite_only}        WHERE cause_category_id = OLD.cause_category_id AND ym = (SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7) FROM deviation d WHERE d.id = OLD.deviation_id)
${sqlite_only}          AND kind = (SELECT d.kind FROM deviation d WHERE d.id = OLD.deviation_id) AND n = 0;
${sqlite_only}    INSERT INTO agg_cause_kind_month (ym, kind, cause_category_id, n)
${sqlite_only}        SELECT substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.kind, NEW.cause_category_id, 1
${sqlite_only}        FROM deviation d WHERE d.id = NEW.deviation_id AND 1 = 1
${sqlite_only}        ON CONFLICT (ym, kind, cause_category_id) DO UPDATE SET n = n + 1;
${sqlite_only}END;
