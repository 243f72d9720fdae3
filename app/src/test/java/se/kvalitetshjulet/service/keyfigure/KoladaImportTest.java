package se.kvalitetshjulet.service.keyfigure;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;

/** The real Kolada catalogue and a saved data answer on a temporary database. */
class KoladaImportTest {
    @TempDir
    Path dir;
    private AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void theSharedCatalogueIsImportedOnceAndSearchableByIdAndTitle() throws Exception {
        KoladaImporter.Result r = ctx.keyFigures().koladaImporter().importFile(KfFixtures.file(
                "kpi-catalogue-elderly-care.v3.json"), null);
        assertThat(r.errors()).isEmpty();
        assertThat(r.kpis()).isEqualTo(864);
        assertThat(ctx.keyFigures().catalogueSize()).isEqualTo(864);
        Kpi k = ctx.keyFigures().kpi("U21468").orElseThrow();
        assertThat(k.title()).contains("helhetssyn");
        assertThat(k.dividedByGender()).isTrue();
        assertThat(k.hasOuData()).isTrue();
        assertThat(ctx.keyFigures().search("personalkontinuitet 14 dagar", 50)).extracting(Kpi::id).contains("U21401");
        assertThat(ctx.keyFigures().search("u2359", 50)).extracting(Kpi::id).contains("U23592", "U23593");
        assertThat(ctx.keyFigures().search("SÄRSKILT BOENDE helhetssyn", 50)).extracting(Kpi::id).contains("U23471");

        int audit = ctx.audit().count();
        KoladaImporter.Result again = ctx.keyFigures().koladaImporter().importFile(KfFixtures.file(
                "kpi-catalogue-elderly-care.v3.json"), null);
        assertThat(again.kpis()).isZero();
        assertThat(ctx.audit().count()).isEqualTo(audit);
    }

    @Test
    void valuesKeepNullStatusGenderAndGroupsAndAReimportChangesNothing() throws Exception {
        KoladaImporter.Result r = ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-data-u21468.json"),
                "1280");
        assertThat(r.errors()).isEmpty();
        assertThat(r.municipalitySet()).isEqualTo("1280");
        assertThat(ctx.keyFigures().ownMunicipality()).contains("1280");
        KeyFigureRepository repo = new KeyFigureRepository(ctx.database(), ctx.audit());
        List<KoladaValue> all = repo.values("U21468", null, null);
        // Stockholm 2025: published as null for T, K and M → missing, never 0
        assertThat(all).filteredOn(v -> v.municipalityCode().equals("0180")).hasSize(3)
                .allSatisfy(v -> assertThat(v.value()).isNull());
        // a real 0 stays 0 and keeps its status
        KoladaValue zero = all.stream().filter(v -> v.municipalityCode().equals("1283") && v.period() == 2024).findFirst()
                .orElseThrow();
        assertThat(zero.value()).isEqualTo(0.0);
        assertThat(zero.status()).isEqualTo("Preliminär");
        // gender split kept, with the men's 2024 value missing
        assertThat(all).filteredOn(v -> v.municipalityCode().equals("1280") && v.period() == 2024)
                .extracting(KoladaValue::gender, KoladaValue::value)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("T", 85.0),
                        org.assertj.core.groups.Tuple.tuple("K", 86.0), org.assertj.core.groups.Tuple.tuple("M", null));
        // the municipality group is marked as a group mean
        KoladaValue group = all.stream().filter(v -> v.municipalityCode().equals("G33")).findFirst().orElseThrow();
        assertThat(group.isGroupMean()).isTrue();
        assertThat(group.memberCount()).isEqualTo(9);
        assertThat(r.groupValues()).isEqualTo(1);

        int values = repo.valueCount();
        int audit = ctx.audit().count();
        KoladaImporter.Result again = ctx.keyFigures().koladaImporter().importFile(
                KfFixtures.file("kolada-data-u21468.json"), "1283");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(values);
        assertThat(again.municipalitySet()).isNull();
        assertThat(again.municipalityNote()).contains("1280");
        assertThat(ctx.keyFigures().ownMunicipality()).contains("1280");
        assertThat(ctx.audit().count()).isEqualTo(audit);
    }

    @Test
    void aBrokenFileIsRefusedWithReasonsAndNothingIsWritten() throws Exception {
        KoladaImporter.Result r = ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-broken.json"), "1280");
        assertThat(r.ok()).isFalse();
        assertThat(String.join("\n", r.errors())).contains("\"86,0\" är inget tal").contains("kön 'X' är okänt");
        assertThat(new KeyFigureRepository(ctx.database(), ctx.audit()).valueCount()).isZero();
        assertThat(ctx.keyFigures().ownMunicipality()).isEmpty();
    }

    @Test
    void comparisonsCarryRespondentsRateAndWilsonIntervalsAndGroupsCannotBeJudged() throws Exception {
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kpi-catalogue-elderly-care.v3.json"), null);
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-data-u21468.json"), "1280");
        ctx.keyFigures().setComparisons(List.of(new ComparisonChoice("1283", ComparisonRole.SIMILAR),
                new ComparisonChoice("G33", ComparisonRole.SIMILAR),
                new ComparisonChoice("0180", ComparisonRole.OTHER),
                new ComparisonChoice("0000", ComparisonRole.NATIONAL)));
        List<ComparisonRow> rows = ctx.keyFigures().compare("U21468", 2025, "T");
        assertThat(rows).extracting(ComparisonRow::code).containsExactly("1280", "1283", "G33", "0180", "0000");
        ComparisonRow own = rows.getFirst();
        assertThat(own.own()).isTrue();
        assertThat(own.value().respondents()).isEqualTo(2196);
        assertThat(own.value().responseRate()).isEqualTo(40.0);
        // 88 % of 2196: Wilson 86.6–89.3
        assertThat(own.value().interval().lower()).isBetween(86.5, 86.7);
        assertThat(own.value().interval().upper()).isBetween(89.2, 89.4);
        // Helsingborg 93 % of 750 (91.0–94.6) does not overlap ours (86.6–89.3): a clear difference
        assertThat(rows.get(1).againstOwn()).isEqualTo(Verdict.HIGHER);
        assertThat(rows.get(2).value().unweighted()).isTrue();
        assertThat(rows.get(2).againstOwn()).isEqualTo(Verdict.CANNOT_BE_JUDGED);
        assertThat(rows.get(3).value().value()).isNull();
        assertThat(rows.get(3).againstOwn()).isEqualTo(Verdict.CANNOT_BE_JUDGED);
        // the country: 87 % of 52 000 (86.7–87.3) against 86.6–89.3 → overlaps
        assertThat(rows.get(4).againstOwn()).isEqualTo(Verdict.NO_CLEAR_DIFFERENCE);

        ValueSeries s = ctx.keyFigures().series("U21468", "1280", "T");
        assertThat(s.periods()).containsExactly("2023", "2024", "2025");
        assertThat(s.run()).isNotNull();
        assertThat(s.run().points().getFirst().centreLine()).isEqualTo(86.0); // median of 86, 85, 88
        ValueSeries men = ctx.keyFigures().series("U21468", "1280", "M");
        assertThat(men.values().get(1).value()).isNull();
    }
}
