package se.kvalitetshjulet.service.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.FollowUpCount;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.service.SaveResult;

/** Individual follow-ups recorded and imported pseudonymously, aggregated per unit, area, month and tertial. */
class FollowUpServiceTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private Map<String, Long> units;

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
        units = KfFixtures.organisation(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aFollowUpIsSavedWithAnAuditRowAndAPersonnummerIsRefused() {
        FollowUp ok = new FollowUp(null, "HT-2026-0042", LocalDate.of(2026, 11, 2), units.get("Hemtjänst Norr"),
                "Hemtjänst", true, true, true, false, "Önskemål om fler promenader följs upp");
        SaveResult<Long> saved = ctx.followUps().save(ok);
        assertThat(saved.ok()).isTrue();
        assertThat(ctx.audit().history("individual_follow_up", saved.value())).singleElement()
                .satisfies(e -> assertThat(e.afterJson()).contains("HT-2026-0042"));
        SaveResult<Long> refused = ctx.followUps().save(new FollowUp(null, "811218-9876", LocalDate.of(2026, 11, 2),
                units.get("Hemtjänst Norr"), "Hemtjänst", true, true, true, true, null));
        assertThat(refused.problems()).extracting(Problem::messageKey).containsExactly("followUp.validation.caseRefIdentity");
        assertThat(ctx.followUps().count()).isEqualTo(1);
    }

    @Test
    void theImportIsIdempotentAndAggregatesPerUnitMonthAndTertial() {
        FollowUpService.ImportResult r = ctx.followUps().importFile(KfFixtures.file("individuppfoljning.csv"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.inserted()).isEqualTo(5);
        FollowUpService.ImportResult again = ctx.followUps().importFile(KfFixtures.file("individuppfoljning.csv"));
        assertThat(again.inserted()).isZero();
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(ctx.followUps().count()).isEqualTo(5);

        FollowUpCount total = ctx.followUps().total(null, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "");
        assertThat(total.followUps()).isEqualTo(5);
        assertThat(total.yes(FollowUpMeasure.PLAN_EXISTS)).isEqualTo(4);
        // up to date: among the 4 with a plan, 3 yes (the one without a plan is left out)
        assertThat(total.assessed(FollowUpMeasure.PLAN_UP_TO_DATE)).isEqualTo(4);
        assertThat(total.yes(FollowUpMeasure.PLAN_UP_TO_DATE)).isEqualTo(3);
        // wishes: "ej bedömd" is not assessed
        assertThat(total.assessed(FollowUpMeasure.WISHES_FOLLOWED_UP)).isEqualTo(4);

        List<FollowUpCount> byUnit = ctx.followUps().byUnit(units.get("Avdelning hemtjänst"), null,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(byUnit).extracting(FollowUpCount::label).containsExactly("Hemtjänst Norr", "Hemtjänst Syd");
        assertThat(byUnit.getFirst().sharePercent(FollowUpMeasure.PLAN_EXISTS)).isCloseTo(66.67, within(0.01));

        List<FollowUpService.TertialRow> tertials = ctx.followUps().byTertial(null, null, 2025);
        assertThat(tertials).extracting(t -> t.unit() + " T" + t.tertial() + ": " + t.count().followUps())
                .containsExactly("Hemtjänst Norr T1: 3", "Hemtjänst Syd T1: 1", "Hemtjänst Syd T2: 1");

        ShareSeries p = ctx.followUps().monthly(null, null, FollowUpMeasure.PLAN_EXISTS, YearMonth.of(2025, 1),
                YearMonth.of(2025, 6));
        assertThat(p.assessed()).containsExactly(2, 2, 0, 0, 1, 0);
        assertThat(p.yes()).containsExactly(1, 2, 0, 0, 1, 0);
        SpcPoint jan = p.chart().points().getFirst();
        assertThat(jan.value()).isEqualTo(0.5);
        assertThat(jan.centreLine()).isCloseTo(0.8, within(1e-9)); // 4 of 5
        assertThat(jan.lowerLimit()).isZero(); // 0.8 − 3·√(0.16/2) < 0, clipped
        assertThat(p.chart().points().get(2).isMissing()).isTrue();
    }

    @Test
    void anImportWithAPersonnummerOrAnUnknownUnitIsRefusedWhole() throws Exception {
        Path csv = dir.resolve("uppfoljning.csv");
        Files.writeString(csv, "Ärendereferens;Datum;Enhet;Insats;Genomförandeplan finns\n"
                + "HT-1;2025-03-01;Hemtjänst Norr;Hemtjänst;ja\n"
                + "19811218-9876;2025-03-02;Hemtjänst Norr;Hemtjänst;ja\n"
                + "HT-3;2025-03-03;Hemtjänst Öst;Hemtjänst;kanske\n");
        FollowUpService.ImportResult r = ctx.followUps().importFile(csv);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("Rad 3").contains("personnummer"))
                .anySatisfy(e -> assertThat(e).startsWith("Rad 4").contains("Hemtjänst Öst"))
                .anySatisfy(e -> assertThat(e).startsWith("Rad 4").contains("'kanske'"));
        assertThat(ctx.followUps().count()).isZero();
    }
}
