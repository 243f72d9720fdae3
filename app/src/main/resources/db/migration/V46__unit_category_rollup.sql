${sqlite_only}-- Deviations per month x unit x category, every kind and status together (decision 0047):
${sqlite_only}-- the Pareto and trend of categories for a unit and the units under it. V27_5's finest roll-up answers that question
${sqlite_only}-- too, but with kind and status in its key it holds up to thirty rows per unit, month and category; at a million
${sqlite_only}-- deviations the 36-month Pareto of one unit's subtree read some 30 000 of them (13 ms against DuckDB's 5 ms on the
${sqlite_only}-- base rows). This table holds one row per unit, month and category. A filter on kind or status still reads the
${sqlite_only}-- finest roll-up (Rollups.DEVIATION_LEVELS: the smallest table that keeps every dimension asked for).
${sqlite_only}--
${sqlite_only}-- Kept exact by triggers in the transaction of every write, as V27_5's and V39's: a row that reaches 0 is deleted;
${sqlite_only}-- the insert trigger does nothing while agg_suspension (V34, decision 0031) holds a row, and the import then adds its
${sqlite_only}-- rows once (RollupRepository.addImported, summed from its one grouping of the range). `check` compares it with a
${sqlite_only}-- recount and `check --rebuild-aggregates` rebuilds it.
${sqlite_only}--
${sqlite_only}-- SQLite only (every line starts with the placeholder sqlite_only): on PostgreSQL row-level security decides what a
${sqlite_only}-- user may count and the repositories read the base tables there (decision 0021), so no grant is needed.
${sqlite_only}CREATE TABLE agg_deviation_unit_category_month (
${sqlite_only}    unit_id           BIGINT      NOT NULL,
${sqlite_only}    ym                VARCHAR(7)  NOT NULL,
${sqlite_only}    category_key      BIGINT      NOT NULL,
${sqlite_only}    n                 BIGINT      NOT NULL,
${sqlite_only}    PRIMARY KEY (unit_id, ym, category_key)
${sqlite_only}) WITHOUT ROWID;
${sqlite_only}INSERT INTO agg_deviation_unit_category_month (unit_id, ym, category_key, n)
${sqlite_only}    SELECT d.unit_id, substr(CAST(d.registered_on AS VARCHAR), 1, 7), coalesce(d.category_id, 0), count(*)
${sqlite_only}    FROM deviation d
${sqlite_only}    GROUP BY d.unit_id, substr(CAST(d.registered_on AS VARCHAR), 1, 7), coalesce(d.category_id, 0);
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_unit_category_insert AFTER INSERT ON deviation
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO agg_deviation_unit_category_month (unit_id, ym, category_key, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), coalesce(NEW.category_id, 0), 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, category_key) DO UPDATE SET n = n + 1;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_unit_category_delete AFTER DELETE ON deviation
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_unit_category_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0);
${sqlite_only}    DELETE FROM agg_deviation_unit_category_month
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND n = 0;
${sqlite_only}END;
${sqlite_only}
${sqlite_only}CREATE TRIGGER agg_deviation_unit_category_update AFTER UPDATE OF registered_on, unit_id, category_id ON deviation
${sqlite_only}    WHEN substr(CAST(OLD.registered_on AS VARCHAR), 1, 7) IS NOT substr(CAST(NEW.registered_on AS VARCHAR), 1, 7)
${sqlite_only}       OR OLD.unit_id IS NOT NEW.unit_id
${sqlite_only}       OR coalesce(OLD.category_id, 0) IS NOT coalesce(NEW.category_id, 0)
${sqlite_only}BEGIN
${sqlite_only}    UPDATE agg_deviation_unit_category_month SET n = n - 1
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0);
${sqlite_only}    DELETE FROM agg_deviation_unit_category_month
${sqlite_only}        WHERE unit_id = OLD.unit_id AND ym = substr(CAST(OLD.registered_on AS VARCHAR), 1, 7)
${sqlite_only}          AND category_key = coalesce(OLD.category_id, 0) AND n = 0;
${sqlite_only}    INSERT INTO agg_deviation_unit_category_month (unit_id, ym, category_key, n)
${sqlite_only}        VALUES (NEW.unit_id, substr(CAST(NEW.registered_on AS VARCHAR), 1, 7), coalesce(NEW.category_id, 0), 1)
${sqlite_only}        ON CONFLICT (unit_id, ym, category_key) DO UPDATE SET n = n + 1;
${sqlite_only}END;
