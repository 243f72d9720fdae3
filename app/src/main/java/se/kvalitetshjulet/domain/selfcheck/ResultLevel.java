package se.kvalitetshjulet.domain.selfcheck;

/**
 * Resultat av egenkontrollen, as phrased in the annual quality report (Bilaga 2). Computed
 * from the findings of a submitted response: none → "Inga anmärkningar"; findings in less
 * than a quarter of the assessable answers → "Vissa brister har konstaterats"; otherwise
 * "Brister har konstaterats". Not submitted → "Har ännu inte följts upp".
 */
public enum ResultLevel {
    NO_REMARKS("Inga anmärkningar"),
    SOME_DEFICIENCIES("Vissa brister har konstaterats"),
    DEFICIENCIES("Brister har konstaterats"),
    NOT_FOLLOWED_UP("Har ännu inte följts upp");

    /** Share of assessable answers below which findings are "vissa brister". */
    public static final double SOME_LIMIT = 0.25;

    private final String phrase;

    ResultLevel(String phrase) {
        this.phrase = phrase;
    }

    /** The Swedish phrase of the report (the report itself is a Swedish document). */
    public String phrase() {
        return phrase;
    }

    /**
     * @param submitted   whether the unit has submitted
     * @param findings    answers that count as findings
     * @param assessable  answered questions that have a finding rule
     */
    public static ResultLevel of(boolean submitted, long findings, long assessable) {
        if (!submitted) {
            return NOT_FOLLOWED_UP;
        }
        if (findings <= 0) {
            return NO_REMARKS;
        }
        if (assessable > 0 && (double) findings / assessable < SOME_LIMIT) {
            return SOME_DEFICIENCIES;
        }
        return DEFICIENCIES;
    }
}
