${sqlite_only}-- The register's free-text index (decision 0032): an FTS5 table with the trigram tokenizer over exactly the text the
${sqlite_only}-- register searches (title, description, case reference), external content (the text is not stored twice: the
${sqlite_only}-- index holds the trigrams, deviation the text). A trigram index answers "contains" for any substring of three or more
${sqlite_only}-- characters, case-insensitively with Unicode folding (Ä finds ä) and without removing diacritics (a does not find ä),
${sqlite_only}-- which is what the LIKE / kvh_lower search does (decision 0007). Terms of one or two characters keep the LIKE path.
${sqlite_only}--
${sqlite_only}-- Kept exact by the triggers below in the same transaction as every write of deviation. The import (decision 0031)
${sqlite_only}-- holds agg_suspension while it writes: the insert and update triggers stand aside (the import inserts new rows and
${sqlite_only}-- updates only those), and RollupRepository.addImported indexes the id range once. Deletes are always maintained.
${sqlite_only}-- `check` compares the index with the table and `check --rebuild-aggregates` rebuilds it.
${sqlite_only}--
${sqlite_only}-- SQLite only (every line starts with the placeholder): PostgreSQL searches with ILIKE, accelerated by pg_trgm where
${sqlite_only}-- the server has it (db/postgresql V24). The virtual table and its shadow tables are left out of the generated jOOQ
${sqlite_only}-- schema (pom.xml), so `server migrate` never copies them.
${sqlite_only}CREATE VIRTUAL TABLE deviation_fts USING fts5(title, description, case_ref, content='deviation', content_rowid='id',
${sqlite_only}    tokenize='trigram');
${sqlite_only}CREATE TRIGGER deviation_fts_insert AFTER INSERT ON deviation
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO deviation_fts (rowid, title, description, case_ref) VALUES (NEW.id, NEW.title, NEW.description, NEW.case_ref);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER deviation_fts_update AFTER UPDATE OF title, description, case_ref ON deviation
${sqlite_only}    WHEN NOT EXISTS (SELECT 1 FROM agg_suspension)
${sqlite_only}        AND (OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description OR OLD.case_ref IS NOT NEW.case_ref)
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO deviation_fts (deviation_fts, rowid, title, description, case_ref)
${sqlite_only}        VALUES ('delete', OLD.id, OLD.title, OLD.description, OLD.case_ref);
${sqlite_only}    INSERT INTO deviation_fts (rowid, title, description, case_ref) VALUES (NEW.id, NEW.title, NEW.description, NEW.case_ref);
${sqlite_only}END;
${sqlite_only}CREATE TRIGGER deviation_fts_delete AFTER DELETE ON deviation
${sqlite_only}BEGIN
${sqlite_only}    INSERT INTO deviation_fts (deviation_fts, rowid, title, description, case_ref)
${sqlite_only}        VALUES ('delete', OLD.id, OLD.title, OLD.description, OLD.case_ref);
${sqlite_only}END;
${sqlite_only}-- the rows already in the register
${sqlite_only}INSERT INTO deviation_fts (deviation_fts) VALUES ('rebuild');
