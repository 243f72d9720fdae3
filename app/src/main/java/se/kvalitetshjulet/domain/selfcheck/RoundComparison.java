package se.kvalitetshjulet.domain.selfcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jämförelse med föregående omgång: a round's compilation set against an earlier round of the same template
 * (spring against autumn). Questions are matched by their key, which stays the same across template versions;
 * a question asked in only one of the rounds is shown as new or removed. Units are matched by unit. Shares are
 * of submitted responses only, changes in percentage points.
 */
public record RoundComparison(Round previous, Round current, Share responseThen, Share responseNow,
                              Share complianceThen, Share complianceNow, List<QuestionChange> questions,
                              List<UnitChange> units) {

    /** Whether a question was asked in both rounds, only now (new) or only then (removed). */
    public enum Presence { BOTH, NEW, REMOVED }

    /** One question then and now: its finding share (bristandel) and, for numbers, its mean. */
    public record QuestionChange(String key, String section, String text, AnswerType type, Presence presence,
                                 Share findingsThen, Share findingsNow, Double meanThen, Double meanNow) {
        /** Change of the finding share in percentage points (negative: fewer findings). */
        public Double changePoints() {
            return Share.changePoints(findingsThen, findingsNow);
        }

        public Double meanChange() {
            return meanThen == null || meanNow == null ? null : meanNow - meanThen;
        }
    }

    /** One unit then and now: its compliance ({@code null} when it did not submit in that round). */
    public record UnitChange(long unitId, String unitName, String area, Share complianceThen, Share complianceNow) {
        /** Change of the compliance in percentage points (positive: better). */
        public Double changePoints() {
            return Share.changePoints(complianceThen, complianceNow);
        }
    }

    public Double responseChangePoints() {
        return Share.changePoints(responseThen, responseNow);
    }

    public Double complianceChangePoints() {
        return Share.changePoints(complianceThen, complianceNow);
    }

    /**
     * Compares {@code current} with {@code previous}. Questions in the order of the current template, then the
     * removed ones in their old order; units in the current order, then those only in the previous round.
     */
    public static RoundComparison of(Compilation previous, Compilation current) {
        Map<String, Compilation.QuestionStats> then = new LinkedHashMap<>();
        for (Compilation.QuestionStats q : previous.questions()) {
            then.putIfAbsent(q.key(), q);
        }
        List<QuestionChange> questions = new ArrayList<>();
        for (Compilation.QuestionStats now : current.questions()) {
            Compilation.QuestionStats old = then.remove(now.key());
            questions.add(new QuestionChange(now.key(), now.section(), now.text(), now.type(),
                    old == null ? Presence.NEW : Presence.BOTH, old == null ? null : old.findingShare(),
                    now.findingShare(), old == null ? null : old.mean(), now.mean()));
        }
        for (Compilation.QuestionStats old : then.values()) {
            questions.add(new QuestionChange(old.key(), old.section(), old.text(), old.type(), Presence.REMOVED,
                    old.findingShare(), null, old.mean(), null));
        }

        Map<Long, Compilation.UnitResult> unitsThen = new LinkedHashMap<>();
        for (Compilation.UnitResult u : previous.units()) {
            unitsThen.putIfAbsent(u.unitId(), u);
        }
        List<UnitChange> units = new ArrayList<>();
        for (Compilation.UnitResult now : current.units()) {
            Compilation.UnitResult old = unitsThen.remove(now.unitId());
            units.add(new UnitChange(now.unitId(), now.unitName(), now.area(), old == null ? null : old.compliance(),
                    now.compliance()));
        }
        for (Compilation.UnitResult old : unitsThen.values()) {
            units.add(new UnitChange(old.unitId(), old.unitName(), old.area(), old.compliance(), null));
        }
        return new RoundComparison(previous.round(), current.round(), previous.responseRate(), current.responseRate(),
                previous.compliance(), current.compliance(), List.copyOf(questions), List.copyOf(units));
    }

    /**
     * The round to compare with by default: the latest of {@code family} (rounds of the same template family) whose
     * period starts before the current one's; equal starts are broken by the round's id.
     */
    public static Optional<Round> previousOf(Round current, List<Round> family) {
        Comparator<Round> byPeriod = Comparator.comparing(Round::periodStart)
                .thenComparing(r -> r.id() == null ? Long.MIN_VALUE : r.id());
        return family.stream()
                .filter(r -> !r.id().equals(current.id()))
                .filter(r -> byPeriod.compare(r, current) < 0)
                .max(byPeriod);
    }
}
