-- Issue 15 (decision 0034): "Mitt namn" is one person's, not the database's. It was kept in app_setting, which every
-- login of a server database shares and only the quality coordinator may write; it moves to user_preference (V31),
-- under the login of a local file (''), once. The same SQL on SQLite and PostgreSQL.
INSERT INTO user_preference (login, pref_key, pref_value)
SELECT '', setting_key, setting_value FROM app_setting
WHERE setting_key = 'user.displayName' AND setting_value IS NOT NULL AND setting_value <> ''
  AND NOT EXISTS (SELECT 1 FROM user_preference p WHERE p.login = '' AND p.pref_key = 'user.displayName');
DELETE FROM app_setting WHERE setting_key = 'user.displayName';
