package se.kvalitetshjulet.service.keyfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.OuLink;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.export.ReportDocument;
import se.kvalitetshjulet.service.report.ReportService;

/**
 * Key figures per unit (decision 0019) on hand-computed numbers: Kolada's own unit values linked to our unit, the
 * survey and the follow-ups of the unit beside the municipalities, and the report's per-unit section.
 */
class UnitKeyFigureServiceTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private Map<String, Long> units;
    private UnitKeyFigureService service;

    @BeforeEach
    void open() throws Exception {
        ctx = TestDb.open(dir);
        units = KfFixtures.organisation(ctx);
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kpi-catalogue-elderly-care.v3.json"), null);
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-data-u21468.json"), "1280");
        ctx.keyFigures().setComparisons(List.of(new ComparisonChoice("1283", ComparisonRole.SIMILAR),
                new ComparisonChoice("G33", ComparisonRole.SIMILAR)));
        ctx.keyFigures().surveyImporter().importFile(KfFixtures.file("brukarundersokning-2024.csv"), null, null, false);
        ctx.keyFigures().surveyImporter().importFile(KfFixtures.file("brukarundersokning-2025-messy.csv"), null, null, false);
        ctx.followUps().importFile(KfFixtures.file("individuppfoljning.csv"));
        service = ctx.unitKeyFigures();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private long norr() {
        return units.get("Hemtjänst Norr");
    }

    @Test
    void koladaUnitsAreReadLinkedAndSuggestedByName() throws Exception {
        var r = ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-ou-u21468.json"), null);
        assertThat(r.errors()).isEmpty();
        assertThat(service.ous()).extracting(o -> o.code() + " " + o.title()).containsExactly(
                "V15E128000101 Hemtjänst Norr", "V15E128000102 Hemtjänst Syd", "V15E128000199 Hemtjänst Väst");
        // the suggestion names the unit by name; Väst has no unit of ours and is not suggested
        assertThat(service.suggestions()).extracting(OuLink::ouCode, OuLink::unitId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("V15E128000101", norr()),
                org.assertj.core.groups.Tuple.tuple("V15E128000102", units.get("Hemtjänst Syd")));
        assertThat(service.ouLinks()).isEmpty(); // nothing linked until accepted

        // a file of links: all or nothing
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Kolada-id;Enhet\nV15E128000101;Hemtjänst Norr\nV15E128000199;Hemtjänst Väst\n");
        var rejected = service.importOuLinks(bad, false);
        assertThat(rejected.errors()).singleElement().asString().contains("Rad 3").contains("Hemtjänst Väst");
        assertThat(service.ouLinks()).isEmpty();
        Path good = dir.resolve("links.csv");
        Files.writeString(good, "Kolada-id;Enhet\nV15E128000101;Hemtjänst Norr\nV15E128000102;Hemtjänst Syd\n");
        assertThat(service.importOuLinks(good, true).linked()).isEqualTo(2);
        assertThat(service.ouLinks()).isEmpty(); // the dry run wrote nothing
        var done = service.importOuLinks(good, false);
        assertThat(done.linked()).isEqualTo(2);
        assertThat(service.importOuLinks(good, false).unchanged()).isEqualTo(2); // again: nothing changes
        assertThat(service.ouLinks()).extracting(OuLink::ouCode, OuLink::ouTitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("V15E128000101", "Hemtjänst Norr"),
                org.assertj.core.groups.Tuple.tuple("V15E128000102", "Hemtjänst Syd"));
        assertThat(service.linkOu("V15E 1280", norr()).ok()).isFalse();
        assertThat(service.unlinkOu("V15E128000102")).isTrue();
        assertThat(service.ousOf(units.get("Hemtjänst Syd"))).isEmpty();
    }

    @Test
    void aUnitsKoladaValueOverTheYearsAndBesideTheMunicipalitiesWithWilsonIntervals() throws Exception {
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-ou-u21468.json"), null);
        assertThat(service.linkOu("V15E128000101", norr()).ok()).isTrue();
        UnitMeasure kolada = service.measures(norr()).stream().filter(m -> m.kind() == UnitMeasure.Kind.KOLADA)
                .findFirst().orElseThrow();
        assertThat(kolada.key()).isEqualTo("kolada:U21468"); // the respondents' KPI U23592 is not a measure of its own
        assertThat(service.measures(norr())).noneMatch(m -> m.code().equals("U23592"));

        ValueSeries s = service.series(norr(), kolada);
        assertThat(s.periods()).containsExactly("2024", "2025");
        // 70 % of 60: Wilson p̃ = (0.7 + 1.96²/120) / (1 + 1.96²/60) = 0.68797, half-width 0.11306 → 57.5–80.1 %
        ComparedValue y2025 = s.values().get(1);
        assertThat(y2025.value()).isEqualTo(70.0);
        assertThat(y2025.respondents()).isEqualTo(60);
        assertThat(y2025.responseRate()).isEqualTo(52.0);
        assertThat(y2025.interval().lower()).isCloseTo(57.49, within(0.01));
        assertThat(y2025.interval().upper()).isCloseTo(80.10, within(0.01));

        var c = service.compare(norr(), kolada, 2025);
        assertThat(c.kpi().id()).isEqualTo("U21468");
        assertThat(c.rows()).extracting(r -> r.value().label()).containsExactly("Hemtjänst Norr", "1280 (hela kommunen)",
                "1283", "G33");
        assertThat(c.rows().getFirst().own()).isTrue();
        // 1280: 88 % of 2196 → 86.6–89.3 %, above the unit's 80.1: clearly higher; 1283: 93 % of 750 likewise;
        // G33 is an unweighted group mean without an interval: cannot be judged
        assertThat(c.rows().subList(1, 4)).extracting(ComparisonRow::againstOwn).containsExactly(Verdict.HIGHER,
                Verdict.HIGHER, Verdict.CANNOT_BE_JUDGED);
        assertThat(c.rows().get(1).value().interval().lower()).isCloseTo(86.57, within(0.01));
    }

    @Test
    void theSurveyTheFollowUpsAndAnOwnFigurePerUnitBesideTheLinkedKpi() {
        assertThat(service.setLinkedKpi("survey:F1", "U21468").ok()).isTrue();
        assertThat(service.setLinkedKpi("followup:PLAN_EXISTS", "U21452").ok()).isTrue();
        assertThat(service.setLinkedKpi("survey:F1", "X99999").ok()).isFalse();
        assertThat(service.setLinkedKpi("nonsense", "U21468").ok()).isFalse();
        long pk = ctx.keyFigures().saveOwnFigure(new OwnFigure(null, "PK14", "Personalkontinuitet (median, 14 dagar)",
                OwnFigure.Measure.MEDIAN, "personer", true, null)).value();
        ctx.keyFigures().saveOwnValues(List.of(new OwnValue(pk, norr(), 2025, 3, 16.0, 31),
                new OwnValue(pk, norr(), 2025, 4, 14.5, 33)));
        assertThat(service.setLinkedKpi("own:PK14", "U21401").ok()).isTrue();

        UnitMeasure survey = new UnitMeasure(UnitMeasure.Kind.SURVEY, "F1", "helhet");
        assertThat(service.comparableMeasures(norr())).extracting(UnitMeasure::key).contains("survey:F1",
                "followup:PLAN_EXISTS", "own:PK14");
        // the survey: 85 % of 60 (2024), 87.5 % of 56 (2025: Wilson 76.4–93.8) beside 1280's 88 % (86.6–89.3)
        ValueSeries s = service.series(norr(), survey);
        assertThat(s.values()).extracting(ComparedValue::value).containsExactly(85.0, 87.5);
        var c = service.compare(norr(), survey, 2025);
        assertThat(c.rows().getFirst().value().interval().lower()).isCloseTo(76.37, within(0.01));
        assertThat(c.rows().getFirst().value().interval().upper()).isCloseTo(93.81, within(0.01));
        assertThat(c.rows().get(1).againstOwn()).isEqualTo(Verdict.NO_CLEAR_DIFFERENCE);
        assertThat(c.rows().get(2).againstOwn()).isEqualTo(Verdict.NO_CLEAR_DIFFERENCE); // 1283: 91.0–94.7 overlaps

        // follow-ups: 2 of Norr's 3 in 2025 had a genomförandeplan: 66.7 % (Wilson 20.8–93.9)
        UnitMeasure plan = new UnitMeasure(UnitMeasure.Kind.FOLLOW_UP, "PLAN_EXISTS", "plan");
        ComparedValue p = service.yearValue(norr(), plan, 2025, "2025");
        assertThat(p.value()).isCloseTo(66.67, within(0.01));
        assertThat(p.respondents()).isEqualTo(3);
        assertThat(p.interval().lower()).isCloseTo(20.77, within(0.01));
        assertThat(p.interval().upper()).isCloseTo(93.85, within(0.01));
        // U21452 has no values here: the municipalities are listed as missing, never as 0, and cannot be judged
        var pc = service.compare(norr(), plan, 2025);
        assertThat(pc.rows().subList(1, pc.rows().size())).allSatisfy(r -> {
            assertThat(r.value().value()).isNull();
            assertThat(r.againstOwn()).isEqualTo(Verdict.CANNOT_BE_JUDGED);
        });

        // personalkontinuitet: the year is the mean of its two months, said so; no interval, so no verdict
        UnitMeasure own = new UnitMeasure(UnitMeasure.Kind.OWN, "PK14", "pk");
        var oc = service.compare(norr(), own, 2025);
        assertThat(oc.rows().getFirst().value().value()).isEqualTo(15.3); // (16.0 + 14.5) / 2 = 15.25 → 15.3
        assertThat(oc.note()).isEqualTo("Enhetens värde för 2025 är medelvärdet av 2 månadsvärden.");
        assertThat(service.series(norr(), own).periods()).containsExactly("2025-03", "2025-04");
    }

    @Test
    void theReportSaysPerUnitWhatTheUsersSayWhatShareHasAPlanAndHowTheyStandAgainstTheMunicipalities() throws Exception {
        ctx.keyFigures().koladaImporter().importFile(KfFixtures.file("kolada-ou-u21468.json"), null);
        service.linkOu("V15E128000101", norr());
        service.setLinkedKpi("survey:F1", "U21468");
        service.setLinkedKpi("followup:PLAN_EXISTS", "U21452");
        var m = ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, 2025, 0, null, false, null), TestDb.TODAY,
                (f, w) -> { }, () -> false);
        ResourceBundle sv = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String t = ReportDocument.build(m, sv).stream().map(b -> switch (b) {
            case ReportDocument.Heading h -> "# " + h.text();
            case ReportDocument.Paragraph x -> x.text();
            case ReportDocument.Table x -> x.rows().stream().map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
            default -> "";
        }).collect(Collectors.joining("\n"));
        assertThat(t).contains("# Per enhet jämfört med kommunen och jämförelsekommunerna");
        // Kolada's own value for the unit: 70 % of 60 in 2025 against 84 % of 50 in 2024, beside 1280 and 1283
        assertThat(t).contains("Vård- och omsorgsförvaltningen › Avdelning hemtjänst › Hemtjänst Norr – Kolada U21468");
        assertThat(t).contains("Hemtjänst Norr 2025 | 70,0 | 57–80 | 60 | 52 % | ");
        assertThat(t).contains("1280 (hela kommunen) | 88,0 | 87–89 | 2196 | 40 % | Högre än enheten – tydlig skillnad");
        assertThat(t).contains("G33 | 86,5 | – | – | – | ovägt medelvärde; Kan inte bedömas");
        // 84 % of 50 (71.5–91.7) against 57.5–80.1: they overlap, so no clear change is claimed
        assertThat(t).contains("Förändring 2025 mot 2024: Ingen säker förändring.");
        // the survey per unit and the share with a genomförandeplan, with their intervals
        assertThat(t).contains("Hemtjänst Norr – Brukarundersökningen: Sammantaget");
        assertThat(t).contains("Hemtjänst Norr 2025 | 87,5 | 76–94 | 56 | ");
        assertThat(t).contains("Hemtjänst Norr – Individuppföljning: genomförandeplan finns, 2025");
        assertThat(t).contains("Hemtjänst Norr 2025 | 66,7 | 21–94 | 3 | – | ");
        assertThat(t).doesNotContain("null");
    }
}
