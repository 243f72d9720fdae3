package se.kvalitetshjulet.domain.report;

/**
 * Which date places a deviation in a report's period: the day it was registered, or the day it was assessed (the
 * decision date — "Arbetsutskottet har under 2022 behandlat 34 lex Sarah-utredningar"). The report states the rule.
 */
public enum CountingRule {
    REGISTERED, ASSESSED;

    /** The rule named on the command line ("registered" / "assessed", also "registrering" / "bedomning"). */
    public static CountingRule parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case "registered", "registrering", "registreringsdatum" -> REGISTERED;
            case "assessed", "bedomning", "bedömning", "bedomningsdatum", "bedömningsdatum", "decision" -> ASSESSED;
            default -> throw new IllegalArgumentException(s);
        };
    }
}
