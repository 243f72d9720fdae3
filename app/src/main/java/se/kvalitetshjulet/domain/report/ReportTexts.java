package se.kvalitetshjulet.domain.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rapporttexter: what the quality department writes in the app for one report period and subtree. {@code tertial} is
 * 0 for the whole year; {@code unitId} null for the whole organisation. {@code conclusions} are the sentences the
 * author wrote under the report's charts, by chart key (a chart without one uses the sentence drafted from its
 * signals).
 */
public record ReportTexts(Long id, int year, int tertial, Long unitId, String summary, String priorities,
                          String followUp, String analysis, String externalAudits, Map<String, String> conclusions,
                          Map<String, String> sections) {

    /** The longest text of one section. */
    public static final int MAX_SECTION = 20_000;

    /**
     * The kvalitetsberättelse's sections beyond the five fixed texts (issue 21, seed 002's shape), by key: the
     * processes and routines, the improvement work of the year, the pattern analysis, risk analyses with internal
     * control, self-checks, what each kind's cases were about ({@code kind.<KIND>}) and the follow-up of each of last
     * year's priorities ({@code followUp.<n>}, from 1).
     */
    public static final String PROCESSES = "processes";
    public static final String DEVELOPMENT_WORK = "developmentWork";
    public static final String PATTERN_ANALYSIS = "patternAnalysis";
    public static final String RISK_WORK = "riskWork";
    public static final String SELF_CHECK_WORK = "selfCheckWork";

    /** Texts without sections (the five fixed texts and the conclusions). */
    public ReportTexts(Long id, int year, int tertial, Long unitId, String summary, String priorities,
                       String followUp, String analysis, String externalAudits, Map<String, String> conclusions) {
        this(id, year, tertial, unitId, summary, priorities, followUp, analysis, externalAudits, conclusions, Map.of());
    }

    /** The longest conclusion under one chart. */
    public static final int MAX_CONCLUSION = 2000;

    public static ReportTexts empty(int year, int tertial, Long unitId) {
        return new ReportTexts(null, year, tertial, unitId, "", "", "", "", "");
    }

    /** Texts without conclusions under the charts. */
    public ReportTexts(Long id, int year, int tertial, Long unitId, String summary, String priorities,
                       String followUp, String analysis, String externalAudits) {
        this(id, year, tertial, unitId, summary, priorities, followUp, analysis, externalAudits, Map.of());
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
        Map<String, String> c = new LinkedHashMap<>();
        if (conclusions != null) {
            conclusions.forEach((k, v) -> {
                String t = oneLine(v);
                if (k != null && !k.isBlank() && !t.isEmpty()) {
                    c.put(oneLine(k), t);
                }
            });
        }
        conclusions = java.util.Collections.unmodifiableMap(c);
        Map<String, String> sec = new java.util.TreeMap<>();
        if (sections != null) {
            sections.forEach((k, v) -> {
                String t = clean(v);
                if (k != null && !k.isBlank() && !t.isEmpty()) {
                    sec.put(oneLine(k), t);
                }
            });
        }
        sections = java.util.Collections.unmodifiableMap(sec);
    }

    /** The text of one section ("" when not written). */
    public String section(String key) {
        return sections.getOrDefault(key, "");
    }

    /** The texts with other sections. */
    public ReportTexts withSections(Map<String, String> s) {
        return new ReportTexts(id, year, tertial, unitId, summary, priorities, followUp, analysis, externalAudits,
                conclusions, s);
    }

    /**
     * Last year's priorities as the items the follow-up is written under: one per line or bullet ("- ", "• ",
     * "1. "), without the bullet; blank lines skipped.
     */
    public static List<String> priorityItems(String priorities) {
        List<String> out = new java.util.ArrayList<>();
        for (String line : (priorities == null ? "" : priorities).split("\\R")) {
            String t = line.strip().replaceFirst("^([-•*–]|[0-9]+[.)])\\s*", "").strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** A conclusion is one paragraph: tabs and line breaks become spaces. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /** All free texts, for the privacy check. */
    public List<String> freeTexts() {
        List<String> out = new java.util.ArrayList<>(List.of(summary, priorities, followUp, analysis, externalAudits));
        out.addAll(conclusions.values());
        out.addAll(sections.values());
        return out;
    }

    public ReportTexts withId(long newId) {
        return new ReportTexts(newId, year, tertial, unitId, summary, priorities, followUp, analysis, externalAudits,
                conclusions, sections);
    }

    /** The texts with other conclusions under the charts. */
    public ReportTexts withConclusions(Map<String, String> c) {
        return new ReportTexts(id, year, tertial, unitId, summary, priorities, followUp, analysis, externalAudits, c,
                sections);
    }

    /** The author's sentence under this chart, or null when the drafted one is used. */
    public String conclusion(String chartKey) {
        return conclusions.get(chartKey);
    }

    /** The conclusions as stored: one line per chart, its key, a tab, the sentence. */
    public String conclusionsText() {
        StringBuilder sb = new StringBuilder();
        conclusions.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        return sb.toString();
    }

    /** Reads {@link #conclusionsText()} back (null or blank: none). */
    public static Map<String, String> parseConclusions(String stored) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stored != null) {
            for (String line : stored.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return out;
    }
}
