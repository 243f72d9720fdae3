package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.ChartRepository;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.MatrixCounts;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;

/**
 * The risk matrix counted in the database, on analyses whose cells were counted by hand. Units: A with child B, and
 * C. In 2025 with the 4×4 template: A (3,2→2,2) (3,2→none) (4,4→2,3) (1,1→1,1) and one unscored risk; B (3,2→1,2)
 * (2,4→only a residual probability); C (4,4→4,4). With the 5×5 template: A (5,5→3,3). In 2024 (outside the
 * period): A (4,4→1,1).
 */
class RiskMatrixCountsTest {
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @TempDir
    Path dir;
    private AppContext ctx;
    private ChartRepository charts;
    private RiskTemplate small;
    private RiskTemplate large;
    private long a;
    private long b;
    private long c;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        charts = new ChartRepository(ctx.database());
        a = unit("Enhet A", null);
        b = unit("Sektion B", a);
        c = unit("Enhet C", null);
        small = ctx.risks().templates().stream().filter(t -> t.kind() == AnalysisKind.RISKANALYS
                && t.matrix().size() == 4).findFirst().orElseThrow();
        large = ctx.risks().templates().stream().filter(t -> t.matrix().size() == 5).findFirst().orElseThrow();
        analysis(small, a, "2025-03-01", risk(3, 2, 2, 2), risk(3, 2, null, null), risk(4, 4, 2, 3), risk(1, 1, 1, 1),
                risk(null, null, null, null));
        analysis(small, b, "2025-06-10", risk(3, 2, 1, 2), risk(2, 4, 1, null));
        analysis(small, c, "2025-05-01", risk(4, 4, 4, 4));
        analysis(large, a, "2025-04-01", risk(5, 5, 3, 3));
        analysis(small, a, "2024-12-31", risk(4, 4, 1, 1));
    }

    @Test
    void cellsOfTheUnitSubtreeBeforeAndAfterMeasuresAreCountedExactly() {
        MatrixCounts m = MatrixCounts.of(small.matrix(), charts.riskCells(small.id(), Set.of(a, b), FROM, TO), 2);
        long[][] before = new long[4][4];
        before[2][1] = 3;  // (3,2): two in A, one in B
        before[3][3] = 1;
        before[0][0] = 1;
        before[1][3] = 1;
        long[][] after = new long[4][4];
        after[1][1] = 1;   // (2,2)
        after[2][1] = 1;   // (3,2) without a residual assessment stays where it was
        after[1][2] = 1;   // (2,3)
        after[0][0] = 1;
        after[0][1] = 1;   // (1,2)
        after[1][3] = 1;   // (2,4): a residual probability alone is no residual assessment
        assertThat(m.before()).isDeepEqualTo(before);
        assertThat(m.after()).isDeepEqualTo(after);
        assertThat(m.total(false)).isEqualTo(6);
        assertThat(m.total(true)).isEqualTo(6);
        // Bands of the 4×4 template: låg 1–2, medel 3–4, hög 5–8, mycket hög 9–16.
        assertThat(m.byBand(false).values()).containsExactly(1L, 4L, 0L, 1L);
        assertThat(m.byBand(true).values()).containsExactly(0L, 3L, 1L, 2L);
    }

    @Test
    void theWholeOrganisationAddsUnitCAndOtherTemplatesAndYearsStayOut() {
        List<MatrixCounts.Cell> cells = charts.riskCells(small.id(), null, FROM, TO);
        MatrixCounts m = MatrixCounts.of(small.matrix(), cells, 3);
        assertThat(m.count(false, 4, 4)).isEqualTo(2);
        assertThat(m.count(true, 4, 4)).isEqualTo(1);
        assertThat(m.total(false)).isEqualTo(7);
        assertThat(Arrays.stream(m.after()).flatMapToLong(Arrays::stream).sum()).isEqualTo(7);

        MatrixCounts five = ctx.trends().riskMatrix(large.id(), large.matrix(), Set.of(a, b), FROM, TO);
        assertThat(five.matrix().size()).isEqualTo(5);
        assertThat(five.count(false, 5, 5)).isEqualTo(1);
        assertThat(five.count(true, 3, 3)).isEqualTo(1);
        assertThat(five.total(false)).isEqualTo(1);
        assertThat(five.analyses()).isEqualTo(1);

        assertThat(charts.riskAnalysesPerTemplate(Set.of(a, b), FROM, TO))
                .isEqualTo(Map.of(small.id(), 2L, large.id(), 1L));
        assertThat(charts.riskAnalysesPerTemplate(null, FROM, TO)).isEqualTo(Map.of(small.id(), 3L, large.id(), 1L));
        assertThat(charts.riskAnalysesPerTemplate(null, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .isEqualTo(Map.of(small.id(), 1L));
        assertThat(charts.riskCells(small.id(), Set.of(), FROM, TO)).isEmpty();
    }

    private long unit(String name, Long parent) {
        return ctx.units().save(new Unit(null, parent, name, parent == null ? OrgLevel.ENHET : OrgLevel.SEKTION, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
    }

    private static Risk risk(Integer p, Integer c, Integer rp, Integer rc) {
        return new Risk(null, "Risk", "", "", p, c, rp, rc);
    }

    private void analysis(RiskTemplate t, long unit, String on, Risk... risks) {
        RiskAnalysis draft = RiskAnalysis.newDraft(t, unit, LocalDate.parse(on)).withRisks(List.of(risks));
        ctx.database().txRun(tx -> ctx.risks().save(tx, draft));
    }
}
