package se.kvalitetshjulet.domain.report;

/**
 * Rapporttexter: what the quality department writes in the app for one report period and subtree. {@code tertial} is
 * 0 for the whole year; {@code unitId} null for the whole organisation.
 */
public record ReportTexts(Long id, int year, int tertial, Long unitId, String summary, String priorities,
                          String followUp, String analysis, String externalAudits) {

    public static ReportTexts empty(int year, int tertial, Long unitId) {
        return new ReportTexts(null, year, tertial, unitId, "", "", "", "", "");
    }

    public ReportTexts {
        if (tertial < 0 || tertial > 3) {
            throw new IllegalArgumentException("Tertial måste vara 0 (helår), 1, 2 eller 3");
        }
        summary = clean(summary);
        priorities = clean(priorities);
        followUp = clean(followUp);
        analysis = clean(analysis);
        externalAudits = clean(externalAudits);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** All free texts, for the privacy check. */
    public java.util.List<String> freeTexts() {
        return java.util.List.of(summary, priorities, followUp, analysis, externalAudits);
    }

    public ReportTexts withId(long newId) {
        return new ReportTexts(newId, year, tertial, unitId, summary, priorities, followUp, analysis, externalAudits);
    }
}
