package se.kvalitetshjulet.service;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A workflow step, an action's save or a deletion refused because the record changed since it was read (decision
 * 0029): who changed it and when, from the audit trail. Nothing was written. The message is the Swedish sentence the
 * person sees: what happened, that nothing was saved, and what to do.
 */
public final class RecordChangedException extends RuntimeException {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private final String changedBy;
    private final LocalDateTime changedAt;

    /**
     * @param what  the record as the sentence names it ("Ärendet AV-2026-000012", "Åtgärden")
     * @param hint  what to do now (a whole sentence)
     */
    public RecordChangedException(String what, String changedBy, LocalDateTime changedAt, String hint) {
        super(what + " har ändrats av " + (changedBy == null ? "någon annan" : changedBy)
                + (changedAt == null ? "" : " kl. " + changedAt.format(TIME)) + " medan du hade det öppet. Inget har "
                + "sparats. " + hint);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String changedBy() {
        return changedBy;
    }

    public LocalDateTime changedAt() {
        return changedAt;
    }
}
