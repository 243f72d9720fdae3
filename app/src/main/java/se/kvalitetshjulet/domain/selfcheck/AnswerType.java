package se.kvalitetshjulet.domain.selfcheck;

/** Svarstyp: how a self-check question is answered. */
public enum AnswerType {
    /** Ja / nej / delvis / ej aktuellt. */
    YES_NO,
    NUMBER,
    /** A number from 0 to 100. */
    PERCENTAGE,
    TEXT,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    /** yyyy-mm-dd. */
    DATE;

    /** The fixed choices of {@link #YES_NO}, stored as these codes. */
    public static final java.util.List<String> YES_NO_VALUES = java.util.List.of("JA", "NEJ", "DELVIS", "EJ_AKTUELLT");

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public boolean numeric() {
        return this == NUMBER || this == PERCENTAGE;
    }

    /** The values a user picks from (YES_NO codes or the template's options). */
    public java.util.List<String> choices(java.util.List<String> options) {
        return this == YES_NO ? YES_NO_VALUES : hasOptions() ? options : java.util.List.of();
    }
}
