package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.USER_PREFERENCE;

import java.util.Optional;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;

/**
 * One person's preferences (V31, decision 0027): keyed by the login, '' in a local file, the PostgreSQL login on a
 * server (where row-level security keeps everyone to their own rows). Not audited: a preference changes no record.
 */
public final class UserPreferenceRepository {
    private final Database db;
    private final String login;

    public UserPreferenceRepository(Database db) {
        this.db = db;
        this.login = db.engine() instanceof se.kvalitetshjulet.data.PostgresServer server ? server.url().user() : "";
    }

    /** Whose preferences these are: '' for the one user of a local file. */
    public String login() {
        return login;
    }

    public Optional<String> get(String key) {
        return db.dsl().select(USER_PREFERENCE.PREF_VALUE).from(USER_PREFERENCE)
                .where(USER_PREFERENCE.LOGIN.eq(login)).and(USER_PREFERENCE.PREF_KEY.eq(key))
                .fetchOptional(USER_PREFERENCE.PREF_VALUE);
    }

    public void put(String key, String value) {
        db.txRun(tx -> put(tx, key, value));
    }

    public void put(DSLContext tx, String key, String value) {
        if (value == null) {
            tx.deleteFrom(USER_PREFERENCE).where(USER_PREFERENCE.LOGIN.eq(login)).and(USER_PREFERENCE.PREF_KEY.eq(key))
                    .execute();
            return;
        }
        int updated = tx.update(USER_PREFERENCE).set(USER_PREFERENCE.PREF_VALUE, value)
                .where(USER_PREFERENCE.LOGIN.eq(login)).and(USER_PREFERENCE.PREF_KEY.eq(key)).execute();
        if (updated == 0) {
            tx.insertInto(USER_PREFERENCE).set(USER_PREFERENCE.LOGIN, login).set(USER_PREFERENCE.PREF_KEY, key)
                    .set(USER_PREFERENCE.PREF_VALUE, value).execute();
        }
    }
}
