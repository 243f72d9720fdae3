-- h1 (issue 22, decision 0032): the register's free-text search on the server. The client searches title, description
-- and case reference with ILIKE '%term%' (PostgreSQL folds all of Unicode: Ä finds ä, a does not find ä), the same
-- rows as the SQLite file's FTS5 trigram index. pg_trgm's GIN indexes answer ILIKE '%…%' for terms of three or more
-- characters (shorter ones scan, as on the file). Row-level security is untouched: an index finds candidates, the
-- policies of deviation still decide which rows a login may read.
--
-- pg_trgm ships with PostgreSQL (contrib: in Debian's postgresql-NN package and in the embedded server of the tests)
-- and is a trusted extension (PostgreSQL 13+): the database owner who runs these migrations may create it. Where it is
-- missing or refused, the migration still succeeds and the search scans deviation, as before (a NOTICE says so).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): the free-text search scans the deviations', SQLERRM;
END $$;

DO $$
DECLARE
    ext_schema text;
    col text;
BEGIN
    SELECT n.nspname INTO ext_schema FROM pg_catalog.pg_extension e
        JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF ext_schema IS NULL THEN
        RETURN;
    END IF;
    FOREACH col IN ARRAY ARRAY['title', 'description', 'case_ref'] LOOP
        EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.deviation USING gin (%I %I.gin_trgm_ops)',
                       'deviation_' || col || '_trgm', current_schema(), col, ext_schema);
    END LOOP;
END $$;
