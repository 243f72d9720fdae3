-- Personal preferences (issue 18, decision 0027): what one person left on their screens and wants again next time
-- (the register's default filters, "Bara mina"/"Mina enheter"/"Bara försenade" in Åtgärder, the name typed for
-- "mine"). One row per login and key: in a local file the login is '' (the file has one user, decision 10); on a
-- server it is the PostgreSQL login, and row-level security (db/postgresql V21) lets each person see only their own.
-- Not audited: a preference changes no record. app_setting stays what the whole database shares.
CREATE TABLE user_preference (
    login      VARCHAR(63)  NOT NULL,
    pref_key   VARCHAR(100) NOT NULL,
    pref_value TEXT         NOT NULL,
    PRIMARY KEY (login, pref_key)
);
