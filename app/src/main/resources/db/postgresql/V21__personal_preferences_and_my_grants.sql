-- Issue 18 (decision 0027): personal preferences and "my units / my roles" in shared mode.

-- Every person keeps their own preferences, and sees only their own rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON user_preference TO kvh_anvandare;
ALTER TABLE user_preference ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_preference_own ON user_preference TO kvh_anvandare
    USING (login = session_user::text) WITH CHECK (login = session_user::text);

-- The logged-in person's own grants (role and the unit granted, not the subtree): what Inställningar shows as
-- "Mina enheter" and "Mina roller", read-only. SECURITY DEFINER like kvh_units, since no application role may
-- read server_grant itself; it returns only session_user's rows.
CREATE FUNCTION kvh_my_grants() RETURNS TABLE (role VARCHAR(30), unit_id BIGINT)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
    SELECT g.role, g.unit_id FROM server_grant g WHERE g.login = session_user::text ORDER BY g.role, g.unit_id
$$;
REVOKE ALL ON FUNCTION kvh_my_grants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kvh_my_grants() TO kvh_anvandare;

