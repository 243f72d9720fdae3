package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.APP_SETTING;

import java.util.Optional;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;

/** Key/value settings stored in the database (e.g. whether it is a demo database). */
public final class SettingsRepository {
    public static final String DATABASE_KIND = "database.kind";
    public static final String KIND_DEMO = "demo";

    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.dsl().select(APP_SETTING.SETTING_VALUE).from(APP_SETTING)
                .where(APP_SETTING.SETTING_KEY.eq(key)).fetchOptional(APP_SETTING.SETTING_VALUE);
    }

    public void put(String key, String value) {
        db.txRun(tx -> put(tx, key, value));
    }

    public void put(DSLContext tx, String key, String value) {
        int updated = tx.update(APP_SETTING).set(APP_SETTING.SETTING_VALUE, value)
                .where(APP_SETTING.SETTING_KEY.eq(key)).execute();
        if (updated == 0) {
            tx.insertInto(APP_SETTING).set(APP_SETTING.SETTING_KEY, key).set(APP_SETTING.SETTING_VALUE, value).execute();
        }
    }

    public boolean isDemo() {
        return get(DATABASE_KIND).map(KIND_DEMO::equals).orElse(false);
    }
}
