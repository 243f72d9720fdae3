-- The audit trail written by the database (decision 0029, issue 15). Server-only: SQLite keeps the client-written
-- chain (decision 8). Numbered 22 so that helpers adding server migrations in parallel do not collide.
--
-- 1. Every audit row is sealed by the database: a BEFORE INSERT trigger takes the chain's lock (one writer of the
--    chain at a time, held to commit, so the rows' ids follow the commit order), gives the row its id, names the
--    login (session_user) for application logins with the database's own clock, and computes payload_hash,
--    prev_hash and row_hash exactly as AuditChain defines them, and moves the chain's head in app_setting. The client
--    no longer reads the tip (row security would hide rows from it) nor writes the head (it may not).
-- 2. A change of a deviation (and its causes), an action, a self-check response (and its answers) or a council
--    meeting by an application login without the client's audit row in the same transaction gets one written by the
--    database at commit (a deferred constraint trigger): psql or a client that skips the call cannot change these
--    records unseen. Free text is not copied into such a row (it names the fields only), as the client masks it.
-- 3. deviation.registered_by is the login that inserted the row, and never changes afterwards.
-- The owner (IT's administrator, who runs server init and server migrate) and superusers are not application
-- logins: server migrate copies a file's history with its own names and hashes, untouched.

ALTER TABLE audit_log ADD COLUMN tx_id BIGINT;
CREATE INDEX ix_audit_tx ON audit_log (tx_id, entity, entity_id);

-- Whether the session's login is a person's application login (not the owner of the tables, not a superuser).
CREATE FUNCTION kvh_is_application_login() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
    SELECT session_user::text <> (SELECT tableowner FROM pg_catalog.pg_tables
                                  WHERE schemaname = current_schema() AND tablename = 'audit_log')
       AND NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = session_user)
$$;

-- AuditChain's f(x): the UTF-8 length in decimal, ':', x; '-' for null. And its SHA-256 in lower-case hex.
CREATE FUNCTION kvh_chain_field(x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN x IS NULL THEN '-' ELSE octet_length(convert_to(x, 'UTF8'))::text || ':' || x END
$$;
CREATE FUNCTION kvh_chain_sha256(x text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(x, 'UTF8')), 'hex')
$$;

CREATE FUNCTION kvh_audit_seal() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    app_login boolean := kvh_is_application_login();
    now_ts timestamptz := clock_timestamp();
    head text;
    prev text;
BEGIN
    NEW.tx_id := txid_current();
    IF NOT app_login AND (NEW.row_hash IS NOT NULL OR NEW.prev_hash IS NOT NULL) THEN
        RETURN NEW; -- server migrate: the file's history exactly as it was chained there
    END IF;
    PERFORM pg_advisory_xact_lock(1500290001);
    IF app_login THEN
        -- the authenticated person and the server's clock, whatever the client claims
        NEW.actor := session_user::text;
        NEW.actor_source := 'inloggning';
        NEW.at := now_ts::timestamp;
        NEW.at_text := to_char(now_ts, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM');
    ELSIF NEW.at_text IS NULL THEN
        NEW.at_text := to_char(NEW.at::timestamptz, 'YYYY-MM-DD"T"HH24:MI:SS.USTZH:TZM');
    END IF;
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    SELECT setting_value INTO head FROM app_setting WHERE setting_key = 'audit.chain.head';
    IF head IS NOT NULL THEN
        prev := substr(head, strpos(head, ':') + 1);
    ELSE
        SELECT row_hash INTO prev FROM audit_log WHERE row_hash IS NOT NULL ORDER BY id DESC LIMIT 1;
        prev := coalesce(prev, repeat('0', 64));
    END IF;
    NEW.payload_hash := kvh_chain_sha256(kvh_chain_field(NEW.before_json) || kvh_chain_field(NEW.after_json));
    NEW.prev_hash := prev;
    NEW.row_hash := kvh_chain_sha256(kvh_chain_field(prev) || kvh_chain_field(NEW.at_text)
        || kvh_chain_field(NEW.actor) || kvh_chain_field(NEW.actor_source) || kvh_chain_field(NEW.entity)
        || kvh_chain_field(NEW.entity_id::text) || kvh_chain_field(NEW.action) || kvh_chain_field(NEW.reason)
        || kvh_chain_field(NEW.payload_hash));
    UPDATE app_setting SET setting_value = NEW.id || ':' || NEW.row_hash WHERE setting_key = 'audit.chain.head';
    IF NOT FOUND THEN
        INSERT INTO app_setting (setting_key, setting_value) VALUES ('audit.chain.head', NEW.id || ':' || NEW.row_hash);
    END IF;
    RETURN NEW;
END $$;

DROP TRIGGER audit_log_actor ON audit_log;
DROP FUNCTION kvh_audit_actor();
CREATE TRIGGER audit_log_seal BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION kvh_audit_seal();

-- A row's image for a database-written audit row: free-text values are not copied (the field is named).
CREATE FUNCTION kvh_audit_image(img jsonb, free text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN img IS NULL THEN NULL ELSE (
        SELECT jsonb_object_agg(key, CASE WHEN key = ANY (free) AND value <> 'null'::jsonb
                                          THEN to_jsonb('[fritext]'::text) ELSE value END)
        FROM jsonb_each(img))::text END
$$;

-- At commit: a changed row of an audited table must have an audit row of its record in the same transaction; if
-- the client wrote none, the database writes it. Arguments: the audit entity, the column holding its id, the
-- free-text columns.
CREATE FUNCTION kvh_audit_required() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    entity_name text := TG_ARGV[0];
    old_image jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_image jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    eid bigint := (coalesce(new_image, old_image) ->> TG_ARGV[1])::bigint;
    free text[] := coalesce(TG_ARGV[2:], ARRAY[]::text[]);
BEGIN
    IF NOT kvh_is_application_login() THEN
        RETURN NULL;
    END IF;
    IF EXISTS (SELECT 1 FROM audit_log a WHERE a.tx_id = txid_current() AND a.entity = entity_name
               AND a.entity_id = eid) THEN
        RETURN NULL;
    END IF;
    INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, reason)
    VALUES (LOCALTIMESTAMP, session_user::text, entity_name, eid,
            CASE WHEN TG_ARGV[1] <> 'id' THEN 'UPDATE' ELSE TG_OP END,
            kvh_audit_image(old_image, free), kvh_audit_image(new_image, free),
            'skriven av databasen: ändringen kom utan programmets historikrad');
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER deviation_audited AFTER INSERT OR UPDATE OR DELETE ON deviation
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION kvh_audit_required('deviation', 'id', 'title', 'description', 'immediate_actions', 'facts',
                                        'cause_text', 'reporter_role', 'ivo_reference', 'ivo_decision', 'ivo_notified_by');
CREATE CONSTRAINT TRIGGER deviation_cause_audited AFTER INSERT OR UPDATE OR DELETE ON deviation_cause
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION kvh_audit_required('deviation', 'deviation_id');
CREATE CONSTRAINT TRIGGER action_item_audited AFTER INSERT OR UPDATE OR DELETE ON action_item
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION kvh_audit_required('action_item', 'id', 'what', 'effect_check', 'responsible');
CREATE CONSTRAINT TRIGGER self_check_response_audited AFTER INSERT OR UPDATE OR DELETE ON self_check_response
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION kvh_audit_required('self_check_response', 'id', 'reopen_reason');
CREATE CONSTRAINT TRIGGER self_check_answer_audited AFTER INSERT OR UPDATE OR DELETE ON self_check_answer
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION kvh_audit_required('self_check_response', 'response_id', 'comment', 'answer_value');
CREATE CONSTRAINT TRIGGER council_meeting_audited AFTER INSERT OR UPDATE OR DELETE ON council_meeting
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION kvh_audit_required('council_meeting', 'id', 'title', 'patterns', 'notes');

-- 3. Who registered a deviation is the login that inserted it (decision 0025), and stays so.
CREATE FUNCTION kvh_registered_by() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    IF kvh_is_application_login() THEN
        IF TG_OP = 'INSERT' THEN
            NEW.registered_by := session_user::text;
        ELSE
            NEW.registered_by := OLD.registered_by;
        END IF;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER deviation_registered_by BEFORE INSERT OR UPDATE ON deviation
    FOR EACH ROW EXECUTE FUNCTION kvh_registered_by();

REVOKE ALL ON FUNCTION kvh_is_application_login() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kvh_is_application_login() TO kvh_anvandare;
