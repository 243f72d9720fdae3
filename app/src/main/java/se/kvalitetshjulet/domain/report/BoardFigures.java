package se.kvalitetshjulet.domain.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeviationKind;

/**
 * The figures a board reads year over year about investigated cases, counted by decision date: assessments per
 * kind ("34 utredningar med bedömningen missförhållande eller påtaglig risk (2021: 40, 2020: 39)") and IVO
 * notifications split by whether the investigation was finished, with IVO's own decisions. Index 0 of every array
 * is the report's period, 1 and 2 the same period one and two years before.
 *
 * @param rule                the rule the report's counts per kind follow
 * @param assessedWithoutDate records assessed (they have an assessment) but without an assessment date, registered
 *                            in the period: they are in no assessment count, and the report says so
 * @param assessments         per kind and assessment, counted by assessment date
 * @param ivo                 per kind (lex Sarah, lex Maria), counted by the date of the notification
 */
public record BoardFigures(CountingRule rule, long assessedWithoutDate,
                           Map<DeviationKind, Map<Assessment, long[]>> assessments,
                           Map<DeviationKind, Ivo[]> ivo) {

    /** One period's IVO notifications of one kind. */
    public record Ivo(long notified, long afterInvestigation, long decidedByIvo) {
        public static final Ivo NONE = new Ivo(0, 0, 0);

        /** Notified before the investigation was finished (e.g. the chair decided between meetings). */
        public long beforeInvestigation() {
            return notified - afterInvestigation;
        }

        /** Notified cases where IVO has not yet decided. */
        public long waitingForIvo() {
            return notified - decidedByIvo;
        }
    }

    public static final BoardFigures NONE = new BoardFigures(CountingRule.REGISTERED, 0, Map.of(), Map.of());

    public BoardFigures {
        rule = rule == null ? CountingRule.REGISTERED : rule;
        assessments = Map.copyOf(assessments);
        ivo = Map.copyOf(ivo);
    }

    /** The assessments that establish the case: missförhållande or påtaglig risk; vårdskada or risk för vårdskada. */
    public static Set<Assessment> substantiated(DeviationKind kind) {
        return switch (kind) {
            case LEX_SARAH -> Set.of(Assessment.MISSFORHALLANDE, Assessment.PATAGLIG_RISK);
            case LEX_MARIA -> Set.of(Assessment.ALLVARLIG_VARDSKADA, Assessment.VARDSKADA,
                    Assessment.RISK_FOR_VARDSKADA);
            default -> Set.of(Assessment.AVVIKELSE_BEKRAFTAD, Assessment.BEFOGAD, Assessment.DELVIS_BEFOGAD);
        };
    }

    /** Substantiated assessments of a kind per period (this one first, then the years before). */
    public long[] substantiatedCounts(DeviationKind kind, int periods) {
        long[] out = new long[periods];
        Map<Assessment, long[]> byAssessment = assessments.getOrDefault(kind, Map.of());
        for (Assessment a : substantiated(kind)) {
            long[] v = byAssessment.get(a);
            for (int i = 0; v != null && i < periods && i < v.length; i++) {
                out[i] += v[i];
            }
        }
        return out;
    }

    /** Assessments of a kind in this period or the years before, in the enum's order (empty when none at all). */
    public List<Assessment> assessmentsOf(DeviationKind kind) {
        Map<Assessment, long[]> byAssessment = assessments.getOrDefault(kind, Map.of());
        return java.util.Arrays.stream(Assessment.values()).filter(byAssessment::containsKey).toList();
    }

    public long[] counts(DeviationKind kind, Assessment a, int periods) {
        long[] v = assessments.getOrDefault(kind, Map.of()).get(a);
        return v == null ? new long[periods] : java.util.Arrays.copyOf(v, periods);
    }

    /** IVO notifications of a kind in each period (this one first). */
    public Ivo ivo(DeviationKind kind, int yearsBack) {
        Ivo[] v = ivo.get(kind);
        return v == null || yearsBack >= v.length || v[yearsBack] == null ? Ivo.NONE : v[yearsBack];
    }

    /** Whether anything was notified to IVO in any of the periods. */
    public boolean anyIvo() {
        return ivo.values().stream().flatMap(java.util.Arrays::stream)
                .anyMatch(i -> i != null && i.notified() > 0);
    }

    /** A builder for the repository's rows. */
    public static final class Builder {
        private final int periods;
        private final CountingRule rule;
        private long withoutDate;
        private final Map<DeviationKind, Map<Assessment, long[]>> assessments = new EnumMap<>(DeviationKind.class);
        private final Map<DeviationKind, Ivo[]> ivo = new EnumMap<>(DeviationKind.class);

        public Builder(CountingRule rule, int periods) {
            this.rule = rule;
            this.periods = periods;
        }

        public Builder assessed(int yearsBack, DeviationKind kind, Assessment a, long n) {
            assessments.computeIfAbsent(kind, k -> new EnumMap<>(Assessment.class))
                    .computeIfAbsent(a, x -> new long[periods])[yearsBack] += n;
            return this;
        }

        public Builder ivo(int yearsBack, DeviationKind kind, long notified, long after, long decided) {
            Ivo[] v = ivo.computeIfAbsent(kind, k -> new Ivo[periods]);
            Ivo old = v[yearsBack] == null ? Ivo.NONE : v[yearsBack];
            v[yearsBack] = new Ivo(old.notified() + notified, old.afterInvestigation() + after,
                    old.decidedByIvo() + decided);
            return this;
        }

        public Builder withoutDate(long n) {
            withoutDate += n;
            return this;
        }

        public BoardFigures build() {
            Map<DeviationKind, Map<Assessment, long[]>> a = new EnumMap<>(DeviationKind.class);
            assessments.forEach((k, m) -> a.put(k, Map.copyOf(m)));
            return new BoardFigures(rule, withoutDate, a, ivo);
        }
    }
}
