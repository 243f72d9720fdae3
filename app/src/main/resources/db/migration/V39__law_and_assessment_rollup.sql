${sqlite_only}-- Roll-up of the deviations by law, assessment and IVO notification (decision 0038): what the kvalitetsberättelse
${sqlite_only}-- and the pattern report count beyond the charts' roll-ups of V27_5 — counts per kind and law, the lex Sarah / lex Maria
${sqlite_only}-- assessments, how many were reported to IVO — per month x unit x kind x law x assessment x reported-to-IVO.
${sqlite_only}-- Kept exact by triggers in the transaction of every write, as V27_5's; the insert trigger does nothing while
${sqlite_only}-- agg_suspension (V34, decision 0031) holds a row: the import then adds its rows once (RollupRepository.addImported).
${sqlite_only}-- `check` compares it with a recount, `check --rebuild-aggregates` rebuilds it.
${sqlite_only}--
${sqlite_only}-- SQLite only (every line starts with the placeholder sqlite_only): on PostgreSQL row-level security decides what a
${sqlite_only}-- user may count, and the repositories read the base tables there (decision 0021).
${sqlite_only}--
${sqlite_only}-- assessment_key is the assessment, '' when none; ivo is 1 when ivo_reported_on is set, else 0 (key columns cannot
${sqlite_only}-- be null). WITHOUT ROWID: the key is the table.
${sqlite_only}CREATE TABLE agg_deviation_law_month (
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    law               VARCHAR(10) NOT NULL,
${sqlite_only}    assessment_key    VARCHAR(40) NOT NULL,
${sqlite_only}    ivo               BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_id, ym, kind, law, assessment_key, ivo)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}INSERT INTO agg_deviation_law_month (unit_id, ym, kind, law, assessment_key, ivo, n)
${sqlite_only}    SELECT d.unit_id, substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.kind, d.law, coalesce(d.assessment, ''), CASE WHEN d.ivo_reported_on IS NULL THEN 0 ELSE 1 END, count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    GROUP BY d.unit_id, substr(CAST(d.registered_on AS VARCHAR), 1, 7), d.kind, d.law, coalesce(d.assessment, ''), CASE WHEN d.ivo_reported_on IS NULL THEN 0 ELSE 1 END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_law_insert AFTER INSERT ON deviation
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_deviation_law_month (unit_id, ym, kind, law, assessment_key, ivo, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, NEW.law, coalesce(NEW.assessment, ''), CASE WHEN NEW.ivo_reported_on IS NULL THEN 0 ELSE 1 END, 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, law, assessment_key, ivo) DO UPDATE SET n = n + 1;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_law_delete AFTER DELETE ON deviation
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_law_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND kind = OLD.kind
${sqlite_only}          AND law = OLD.law AND assessment_key = coalesce(OLD.assessment, '')
${sqlite_only}          AND ivo = CASE WHEN OLD.ivo_reported_on IS NULL THEN 0 ELSE 1 END;
${sqlite_only}    DELETE FROM agg_deviation_law_month
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND kind = OLD.kind
${sqlite_only}          AND law = OLD.law AND assessment_key = coalesce(OLD.assessment, '')
${sqlite_only}          AND ivo = CASE WHEN OLD.ivo_reported_on IS NULL THEN 0 ELSE 1 END AND n = 0;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_law_update AFTER UPDATE OF registered_on, unit_id, kind, law, assessment, ivo_reported_on ON deviation
${sqlite_only}    WHEN substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) IS NOT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7)
${sqlite_only}       OR OLD.unit_id IS NOT NEW.unit_id
${sqlite_only}       OR OLD.kind IS NOT NEW.kind
${sqlite_only}       OR OLD.law IS NOT NEW.law
${sqlite_only}       OR coalesce(OLD.assessment, '') IS NOT coalesce(NEW.assessment, '')
${sqlite_only}       OR (OLD.ivo_reported_on IS NULL) IS NOT (NEW.ivo_reported_on IS NULL)
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_law_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND kind = OLD.kind
${sqlite_only}          AND law = OLD.law AND assessment_key = coalesce(OLD.assessment, '')
${sqlite_only}          AND ivo = CASE WHEN OLD.ivo_reported_on IS NULL THEN 0 ELSE 1 END;
${sqlite_only}    DELETE FROM agg_deviation_law_month
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) AND kind = OLD.kind
${sqlite_only}          AND law = OLD.law AND assessment_key = coalesce(OLD.assessment, '')
${sqlite_only}          AND ivo = CASE WHEN OLD.ivo_reported_on IS NULL THEN 0 ELSE 1 END AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_law_month (unit_id, ym, kind, law, assessment_key, ivo, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), NEW.kind, NEW.law, coalesce(NEW.assessment, ''), CASE WHEN NEW.ivo_reported_on IS NULL THEN 0 ELSE 1 END, 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, kind, law, assessment_key, ivo) DO UPDATE SET n = n + 1;
${sqlite_only}END;
