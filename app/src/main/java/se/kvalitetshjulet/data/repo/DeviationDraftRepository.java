package se.kvalitetshjulet.data.repo;

import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_DRAFT;

import java.time.LocalDateTime;
import java.util.Optional;

import se.kvalitetshjulet.data.Database;

/**
 * The deviation editor's autosaved drafts (V31_1, decision 0027): one per person and form, in the database (so
 * encrypted with it, and under row security on a server). Not audited: a draft is nobody's record until it is saved.
 */
public final class DeviationDraftRepository {
    /** A stored draft: the form as JSON and when it was written. */
    public record Stored(String key, Long deviationId, LocalDateTime savedAt, String content) { }

    private final Database db;
    private final String login;

    public DeviationDraftRepository(Database db) {
        this.db = db;
        this.login = new UserPreferenceRepository(db).login();
    }

    public Optional<Stored> find(String key) {
        return db.dsl().select(DEVIATION_DRAFT.DEVIATION_ID, DEVIATION_DRAFT.SAVED_AT, DEVIATION_DRAFT.CONTENT)
                .from(DEVIATION_DRAFT).where(DEVIATION_DRAFT.LOGIN.eq(login)).and(DEVIATION_DRAFT.DRAFT_KEY.eq(key))
                .fetchOptional(r -> new Stored(key, r.value1(), r.value2(), r.value3()));
    }

    public void put(String key, Long deviationId, LocalDateTime at, String content) {
        db.txRun(tx -> {
            int n = tx.update(DEVIATION_DRAFT).set(DEVIATION_DRAFT.CONTENT, content).set(DEVIATION_DRAFT.SAVED_AT, at)
                    .set(DEVIATION_DRAFT.DEVIATION_ID, deviationId)
                    .where(DEVIATION_DRAFT.LOGIN.eq(login)).and(DEVIATION_DRAFT.DRAFT_KEY.eq(key)).execute();
            if (n == 0) {
                tx.insertInto(DEVIATION_DRAFT).set(DEVIATION_DRAFT.LOGIN, login).set(DEVIATION_DRAFT.DRAFT_KEY, key)
                        .set(DEVIATION_DRAFT.DEVIATION_ID, deviationId).set(DEVIATION_DRAFT.SAVED_AT, at)
                        .set(DEVIATION_DRAFT.CONTENT, content).execute();
            }
        });
    }

    public void delete(String key) {
        db.txRun(tx -> tx.deleteFrom(DEVIATION_DRAFT).where(DEVIATION_DRAFT.LOGIN.eq(login))
                .and(DEVIATION_DRAFT.DRAFT_KEY.eq(key)).execute());
    }
}
