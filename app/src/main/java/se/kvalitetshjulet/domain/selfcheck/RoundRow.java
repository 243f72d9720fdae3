package se.kvalitetshjulet.domain.selfcheck;

/** A round with its template and how far the units have come. */
public record RoundRow(Round round, String templateLabel, long units, long submitted, long drafts, long notStarted,
                       long overdue) {
    public long notAnswered() {
        return units - submitted;
    }
}
