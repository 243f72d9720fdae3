package se.kvalitetshjulet.domain.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The comparison of a round with an earlier one, on numbers worked out by hand. */
class RoundComparisonTest {
    private static final Template T = new Template(1L, 1L, 1, "Basala hygienrutiner", null, true, List.of());

    private static Round round(long id, LocalDate start) {
        return new Round(id, "Omgång " + id, 1L, start, start.plusDays(29), start.plusDays(29), null, null);
    }

    private static Compilation.QuestionStats q(String key, long assessable, long findings, Double mean) {
        return new Compilation.QuestionStats(key.hashCode(), key, "Följsamhet", "Fråga " + key,
                mean == null ? AnswerType.YES_NO : AnswerType.PERCENTAGE, assessable, Map.of(), mean, findings, assessable);
    }

    private static Compilation.UnitResult u(long unitId, String name, ResponseStatus status, long assessable, long findings) {
        return new Compilation.UnitResult(unitId * 10, unitId, name, "Äldreomsorg", status, assessable, findings, assessable,
                ResultLevel.of(status == ResponseStatus.SUBMITTED, findings, assessable), List.of(), List.of());
    }

    private static final Compilation MARCH = new Compilation(round(1, LocalDate.of(2026, 3, 1)), T,
            List.of(q("klader", 4, 2, null), q("ppm_andel", 4, 1, 85.0), q("gammal", 2, 1, null)),
            List.of(u(1, "A", ResponseStatus.SUBMITTED, 5, 2), u(2, "B", ResponseStatus.SUBMITTED, 5, 2),
                    u(3, "C", ResponseStatus.DRAFT, 3, 1), u(4, "D", ResponseStatus.SUBMITTED, 4, 0)),
            List.of());
    private static final Compilation SEPTEMBER = new Compilation(round(3, LocalDate.of(2026, 9, 1)), T,
            List.of(q("klader", 5, 1, null), q("ny", 5, 2, null), q("ppm_andel", 5, 0, 92.0)),
            List.of(u(1, "A", ResponseStatus.SUBMITTED, 6, 1), u(2, "B", ResponseStatus.NOT_STARTED, 0, 0),
                    u(3, "C", ResponseStatus.SUBMITTED, 6, 3), u(5, "E", ResponseStatus.SUBMITTED, 6, 0)),
            List.of());

    @Test
    void findingSharesPerQuestionAreMatchedByKeyAndNewAndRemovedQuestionsAreShown() {
        RoundComparison c = RoundComparison.of(MARCH, SEPTEMBER);
        assertThat(c.questions()).extracting(RoundComparison.QuestionChange::key)
                .containsExactly("klader", "ny", "ppm_andel", "gammal");
        var klader = c.questions().get(0);
        assertThat(klader.presence()).isEqualTo(RoundComparison.Presence.BOTH);
        assertThat(klader.findingsThen().percent()).isEqualTo(50.0); // 2 of 4
        assertThat(klader.findingsNow().percent()).isEqualTo(20.0); // 1 of 5
        assertThat(klader.changePoints()).isCloseTo(-30.0, within(1e-9));
        var ny = c.questions().get(1);
        assertThat(ny.presence()).isEqualTo(RoundComparison.Presence.NEW);
        assertThat(ny.findingsThen()).isNull();
        assertThat(ny.findingsNow().percent()).isEqualTo(40.0);
        assertThat(ny.changePoints()).isNull();
        var ppm = c.questions().get(2);
        assertThat(ppm.changePoints()).isCloseTo(-25.0, within(1e-9)); // 25 % → 0 %
        assertThat(ppm.meanChange()).isCloseTo(7.0, within(1e-9)); // 85 → 92
        var gammal = c.questions().get(3);
        assertThat(gammal.presence()).isEqualTo(RoundComparison.Presence.REMOVED);
        assertThat(gammal.findingsThen().percent()).isEqualTo(50.0);
        assertThat(gammal.findingsNow()).isNull();
    }

    @Test
    void complianceIsComparedPerUnitOnlyWhereTheUnitSubmitted() {
        RoundComparison c = RoundComparison.of(MARCH, SEPTEMBER);
        assertThat(c.units()).extracting(RoundComparison.UnitChange::unitName).containsExactly("A", "B", "C", "E", "D");
        var a = c.units().get(0);
        assertThat(a.complianceThen().percent()).isEqualTo(60.0); // 3 of 5
        assertThat(a.complianceNow().percent()).isCloseTo(83.333, within(0.001)); // 5 of 6
        assertThat(a.changePoints()).isCloseTo(23.333, within(0.001));
        var b = c.units().get(1);
        assertThat(b.complianceThen().percent()).isEqualTo(60.0);
        assertThat(b.complianceNow()).as("B has not submitted in September").isNull();
        assertThat(b.changePoints()).isNull();
        var cUnit = c.units().get(2);
        assertThat(cUnit.complianceThen()).as("C only had a draft in March").isNull();
        assertThat(cUnit.complianceNow().percent()).isEqualTo(50.0);
        assertThat(c.units().get(3).complianceThen()).isNull();
        assertThat(c.units().get(3).complianceNow().percent()).isEqualTo(100.0);
        assertThat(c.units().get(4).complianceThen().percent()).isEqualTo(100.0);
        assertThat(c.units().get(4).complianceNow()).isNull();
    }

    @Test
    void overallResponseRateAndComplianceThenAndNow() {
        RoundComparison c = RoundComparison.of(MARCH, SEPTEMBER);
        assertThat(c.responseThen()).isEqualTo(new Share(3, 4));
        assertThat(c.responseNow()).isEqualTo(new Share(3, 4));
        assertThat(c.responseChangePoints()).isEqualTo(0.0);
        // March: (3 + 3 + 4) of (5 + 5 + 4) = 10 of 14; September: (5 + 3 + 6) of (6 + 6 + 6) = 14 of 18.
        assertThat(c.complianceThen()).isEqualTo(new Share(10, 14));
        assertThat(c.complianceNow()).isEqualTo(new Share(14, 18));
        assertThat(c.complianceChangePoints()).isCloseTo(100.0 * 14 / 18 - 100.0 * 10 / 14, within(1e-9));
        assertThat(c.complianceChangePoints()).isCloseTo(6.349, within(0.001));
    }

    @Test
    void theDefaultRoundToCompareWithIsTheLatestEarlierOneByPeriod() {
        Round sep2025 = round(2, LocalDate.of(2025, 9, 1));
        Round mar2026 = round(1, LocalDate.of(2026, 3, 1));
        Round sep2026 = round(3, LocalDate.of(2026, 9, 1));
        Round mar2027 = round(4, LocalDate.of(2027, 3, 1));
        List<Round> family = List.of(mar2027, sep2026, mar2026, sep2025);
        assertThat(RoundComparison.previousOf(sep2026, family)).contains(mar2026);
        assertThat(RoundComparison.previousOf(mar2026, family)).contains(sep2025);
        assertThat(RoundComparison.previousOf(sep2025, family)).isEmpty();
        Round extraSameStart = round(7, LocalDate.of(2026, 9, 1));
        assertThat(RoundComparison.previousOf(extraSameStart, List.of(sep2026, extraSameStart, mar2026)))
                .as("same period: the one created first is earlier").contains(sep2026);
    }

    @Test
    void sharesWithoutAWholeHaveNoPercentageAndNoChange() {
        assertThat(Share.NONE.percent()).isNull();
        assertThat(new Share(1, 3).complement()).isEqualTo(new Share(2, 3));
        assertThat(Share.changePoints(Share.NONE, new Share(1, 2))).isNull();
        assertThat(Share.changePoints(new Share(1, 4), new Share(1, 2))).isEqualTo(25.0);
        assertThatThrownBy(() -> new Share(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUnitsComplianceAndTheBilaga2RowFollowTheCoordinatorsEdits() {
        var derived = u(1, "A", ResponseStatus.SUBMITTED, 8, 1);
        assertThat(derived.compliance().percent()).isEqualTo(87.5); // 7 of 8
        assertThat(derived.result()).isEqualTo(ResultLevel.SOME_DEFICIENCIES);
        assertThat(u(2, "B", ResponseStatus.DRAFT, 8, 1).compliance()).isNull();
        var edited = new Compilation.UnitResult(10, 1, "A", "Äldreomsorg", ResponseStatus.SUBMITTED, 8, 1, 8,
                ResultLevel.NO_REMARKS, List.of("Ny rutin"), List.of("Rutin för hygien"), ResultLevel.SOME_DEFICIENCIES,
                true, "Rutinen för arbetskläder");
        Compilation c = new Compilation(round(1, LocalDate.of(2026, 3, 1)), T, List.of(), List.of(edited), List.of());
        assertThat(c.bilaga2()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("Inga anmärkningar");
            assertThat(r.routines()).isEqualTo("Rutinen för arbetskläder");
        });
        assertThat(edited.derivedRoutines()).isEqualTo("Rutin för hygien");
    }
}
