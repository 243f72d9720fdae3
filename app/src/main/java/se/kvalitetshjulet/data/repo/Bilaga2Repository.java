package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.audit.AuditAction;
import static se.kvalitetshjulet.data.jooq.Tables.SELF_CHECK_RESPONSE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.jooq.tables.records.SelfCheckResponseRecord;

/**
 * Bilaga 2 as the board writes it, per response (decision 0015): the unit's display name, a free result text, the
 * improvement actions as written and the coordinator's row order. {@code null} means the default.
 */
public final class Bilaga2Repository {
    /** The board-shaped fields of one response; any may be {@code null}. */
    public record BoardRow(long responseId, String displayName, String resultText, String actionsText, Integer position) { }

    private final Database db;
    private final AuditTrail audit;

    public Bilaga2Repository(Database db, AuditTrail audit) {
        this.db = db;
        this.audit = audit;
    }

    public Map<Long, BoardRow> rows(long roundId) {
        Map<Long, BoardRow> out = new LinkedHashMap<>();
        db.dsl().select(SELF_CHECK_RESPONSE.ID, SELF_CHECK_RESPONSE.DISPLAY_NAME, SELF_CHECK_RESPONSE.RESULT_TEXT,
                        SELF_CHECK_RESPONSE.ACTIONS_TEXT, SELF_CHECK_RESPONSE.BILAGA_POSITION)
                .from(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ROUND_ID.eq(roundId))
                .forEach(r -> out.put(r.value1(), new BoardRow(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? null : r.value5().intValue())));
        return out;
    }

    /** Stores the board-shaped fields of a response with an audit row; returns whether anything changed. */
    public boolean save(DSLContext tx, BoardRow row) {
        SelfCheckResponseRecord rec = tx.selectFrom(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ID.eq(row.responseId()))
                .fetchOptional().orElseThrow(() ->
                        new IllegalStateException("Egenkontrollen finns inte längre (id " + row.responseId() + ")."));
        Long pos = row.position() == null ? null : row.position().longValue();
        if (Objects.equals(rec.getDisplayName(), row.displayName()) && Objects.equals(rec.getResultText(), row.resultText())
                && Objects.equals(rec.getActionsText(), row.actionsText()) && Objects.equals(rec.getBilagaPosition(), pos)) {
            return false;
        }
        SelfCheckResponseRecord before = rec.copy();
        before.setId(rec.getId());
        rec.setDisplayName(row.displayName());
        rec.setResultText(row.resultText());
        rec.setActionsText(row.actionsText());
        rec.setBilagaPosition(pos);
        rec.update();
        audit.append(tx, "self_check_response", rec.getId(), AuditAction.UPDATE, before, rec);
        return true;
    }

    /** Sets one response's year-wide Bilaga 2 position with an audit row (nothing when it is already there). */
    public boolean setPosition(DSLContext tx, long responseId, Integer position) {
        SelfCheckResponseRecord rec = tx.selectFrom(SELF_CHECK_RESPONSE).where(SELF_CHECK_RESPONSE.ID.eq(responseId))
                .fetchOptional().orElseThrow(() ->
                        new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ")."));
        return save(tx, new BoardRow(responseId, rec.getDisplayName(), rec.getResultText(), rec.getActionsText(),
                position));
    }
}
