${sqlite_only}-- Roll-up of the deviations by the month they were assessed (decision 0042): what a report counting by decision
${sqlite_only}-- date (`report … --count-by=assessed`, decision 0023) reads — the counts per unit, kind and month of assessment
${sqlite_only}-- (BoardFiguresRepository.monthlyCountsByAssessment) — and the records assessed without a stored date, by the
${sqlite_only}-- month they were registered (assessedWithoutDate: assessed before V27 kept the date).
${sqlite_only}--
${sqlite_only}-- dated = 1: a row per unit x month of assessed_on x kind, for every deviation with an assessment date;
${sqlite_only}-- dated = 0: a row per unit x month of registered_on x kind, for every deviation with an assessment but no date.
${sqlite_only}-- A deviation with neither is in no row.
${sqlite_only}--
${sqlite_only}-- Kept exact by triggers in the transaction of every write, as V27_5's and V39's; the insert trigger does nothing
${sqlite_only}-- while agg_suspension (V34, decision 0031) holds a row: the import then adds its rows once
${sqlite_only}-- (RollupRepository.addImported). `check` compares it with a recount, `check --rebuild-aggregates` rebuilds it.
${sqlite_only}--
${sqlite_only}-- SQLite only (every line starts with the placeholder sqlite_only): on PostgreSQL row-level security decides what a
${sqlite_only}-- user may count, and the repositories read the base tables there (decision 0021), so no grant is needed.
${sqlite_only}CREATE TABLE agg_deviation_assessed_month (
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    kind              VARCHAR(40) NOT NULL,
${sqlite_only}    dated             BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (dated, ym, unit_id, kind)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}INSERT INTO agg_deviation_assessed_month (unit_id, ym, kind, dated, n)
${sqlite_only}    SELECT d.unit_id, substr(CAST(coalesce(d.assessed_on, d.registered_on) AS VARCHAR), 1, 7), d.kind, CASE WHEN d.assessed_on IS NULL THEN 0 ELSE 1 END, count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    WHERE d.assessed_on IS NOT NULL OR d.assessment IS NOT NULL
${sqlite_only}    GROUP BY d.unit_id, substr(CAST(coalesce(d.assessed_on, d.registered_on) AS VARCHAR), 1, 7), d.kind, CASE WHEN d.assessed_on IS NULL THEN 0 ELSE 1 END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_assessed_insert AFTER INSERT ON deviation
${sqlite_only}    WHEN (NEW.assessed_on IS NOT NULL OR NEW.assessment IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_deviation_assessed_month (unit_id, ym, kind, dated, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(coalesce(NEW.assessed_on, NEW.registered_on) AS VARCHAR), 1, 7), NEW.kind, CASE WHEN NEW.assessed_on IS NULL THEN 0 ELSE 1 END, 1)
${sqlite_only}        ON CONFLICT (dated, ym, unit_id, kind) DO UPDATE SET n = n + 1;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_assessed_delete AFTER DELETE ON deviation
${sqlite_only}    WHEN OLD.assessed_on IS NOT NULL OR OLD.assessment IS NOT NULL
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_assessed_month SET n = n - 1
${sqlite_only}        WHERE dated = CASE WHEN OLD.assessed_on IS NULL THEN 0 ELSE 1 END
${sqlite_only}          AND ym = substr(CAST(coalesce(OLD.assessed_on, OLD.registered_on) AS VARCHAR), 1, 7)
${sqlite_only}          AND unit_id = OLD.unit_id AND kind = OLD.kind;
${sqlite_only}    DELETE FROM agg_deviation_assessed_month
${sqlite_only}        WHERE dated = CASE WHEN OLD.assessed_on IS NULL THEN 0 ELSE 1 END
${sqlite_only}          AND ym = substr(CAST(coalesce(OLD.assessed_on, OLD.registered_on) AS VARCHAR), 1, 7)
${sqlite_only}          AND unit_id = OLD.unit_id AND kind = OLD.kind AND n = 0;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}-- An update takes the old row's contribution away (when it had one) and adds the new row's (when it has one); it
${sqlite_only}-- fires on the five columns the keys are made of, and only when one of the derived keys changes.
${sqlite_only}CREATE TRIGGER agg_deviation_assessed_update_old AFTER UPDATE OF assessed_on, assessment, registered_on, unit_id, kind ON deviation
${sqlite_only}    WHEN (OLD.assessed_on IS NOT NULL OR OLD.assessment IS NOT NULL)
${sqlite_only}     AND ((NEW.assessed_on IS NULL AND NEW.assessment IS NULL)
${sqlite_only}       OR (OLD.assessed_on IS NULL) IS NOT (NEW.assessed_on IS NULL)
${sqlite_only}       OR substr(CAST(coalesce(OLD.assessed_on, OLD.registered_on) AS VARCHAR), 1, 7) IS NOT substr(CAST(coalesce(NEW.assessed_on, NEW.registered_on) AS VARCHAR), 1, 7)
${sqlite_only}       OR OLD.unit_id IS NOT NEW.unit_id
${sqlite_only}       OR OLD.kind IS NOT NEW.kind)
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_assessed_month SET n = n - 1
${sqlite_only}        WHERE dated = CASE WHEN OLD.assessed_on IS NULL THEN 0 ELSE 1 END
${sqlite_only}          AND ym = substr(CAST(coalesce(OLD.assessed_on, OLD.registered_on) AS VARCHAR), 1, 7)
${sqlite_only}          AND unit_id = OLD.unit_id AND kind = OLD.kind;
${sqlite_only}    DELETE FROM agg_deviation_assessed_month
${sqlite_only}        WHERE dated = CASE WHEN OLD.assessed_on IS NULL THEN 0 ELSE 1 END
${sqlite_only}          AND ym = substr(CAST(coalesce(OLD.assessed_on, OLD.registered_on) AS VARCHAR), 1, 7)
${sqlite_only}          AND unit_id = OLD.unit_id AND kind = OLD.kind AND n = 0;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_assessed_update_new AFTER UPDATE OF assessed_on, assessment, registered_on, unit_id, kind ON deviation
${sqlite_only}    WHEN (NEW.assessed_on IS NOT NULL OR NEW.assessment IS NOT NULL)
${sqlite_only}     AND ((OLD.assessed_on IS NULL AND OLD.assessment IS NULL)
${sqlite_only}       OR (OLD.assessed_on IS NULL) IS NOT (NEW.assessed_on IS NULL)
${sqlite_only}       OR substr(CAST(coalesce(OLD.assessed_on, OLD.registered_on) AS VARCHAR), 1, 7) IS NOT substr(CAST(coalesce(NEW.assessed_on, NEW.registered_on) AS VARCHAR), 1, 7)
${sqlite_only}       OR OLD.unit_id IS NOT NEW.unit_id
${sqlite_only}       OR OLD.kind IS NOT NEW.kind)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_deviation_assessed_month (unit_id, ym, kind, dated, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(coalesce(NEW.assessed_on, NEW.registered_on) AS VARCHAR), 1, 7), NEW.kind, CASE WHEN NEW.assessed_on IS NULL THEN 0 ELSE 1 END, 1)
${sqlite_only}        ON CONFLICT (dated, ym, unit_id, kind) DO UPDATE SET n = n + 1;
${sqlite_only}END;
