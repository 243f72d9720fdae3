package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Bilaga2Year;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/**
 * Egenkontroller → "Bilaga 2 för året" (issue 21): the year's rows from every round in the order the
 * kvalitetsberättelse prints them, grouped by verksamhetsområde; the coordinator moves rows within an area, saves, and
 * the generated report — and the screen opened again on the file — carry that order. Unsubmitted forms are apart.
 */
class Bilaga2YearViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final Map<String, Long> area = new HashMap<>();
    final RecordingDialogService dialogs = new RecordingDialogService();
    Bilaga2YearViewModel vm;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        for (BusinessArea a : ctx.organisation().businessAreas()) {
            area.put(a.code(), a.id());
        }
        Unit adm = unit(null, "Vård- och omsorgsförvaltningen", OrgLevel.FORVALTNING, null);
        Unit hem1 = unit(adm.id(), "Hemtjänst Norr", OrgLevel.ENHET, "HEMTJANST");
        Unit hem2 = unit(adm.id(), "Hemtjänst Söder", OrgLevel.ENHET, "HEMTJANST");
        Unit sabo = unit(adm.id(), "Solgården", OrgLevel.ENHET, "SABO");
        Unit sabo2 = unit(adm.id(), "Ekbacken", OrgLevel.ENHET, "SABO");
        round("Basala hygienrutiner", List.of(hem1, hem2, sabo, sabo2), List.of(hem1, hem2, sabo), 2022);
        round("Genomförandeplaner", List.of(hem1, sabo), List.of(hem1, sabo), 2022);
        round("Läkemedel", List.of(hem1), List.of(hem1), 2021);
        vm = open(ctx);
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Bilaga2YearViewModel open(AppContext c) {
        Bilaga2YearViewModel m = new Bilaga2YearViewModel(c.bilaga2(), new SyncTaskRunner(), dialogs,
                new I18n(Locale.of("sv")));
        m.refresh();
        return m;
    }

    @Test
    void theNewestYearIsShownInTheReportsOrderWithUnsubmittedFormsApart() {
        assertThat(vm.years()).containsExactly(2022, 2021);
        assertThat(vm.yearProperty().get()).isEqualTo(2022);
        assertThat(rows(vm)).containsExactly(
                "Hemtjänst|Basala hygienrutiner|Hemtjänst Norr", "Hemtjänst|Basala hygienrutiner|Hemtjänst Söder",
                "Hemtjänst|Genomförandeplaner|Hemtjänst Norr",
                "Särskilt boende|Basala hygienrutiner|Solgården", "Särskilt boende|Genomförandeplaner|Solgården");
        assertThat(vm.unanswered()).extracting(Bilaga2Year.Line::unit).containsExactly("Ekbacken");
        assertThat(vm.statusProperty().get()).contains("5 rader").contains("1 ej inlämnade");
        assertThat(rows(vm)).isEqualTo(reportRows());
    }

    @Test
    void aMovedAndSavedRowIsWhereTheReportAndTheNextSessionPutIt() {
        vm.selectedProperty().set(2); // Genomförandeplaner, Hemtjänst Norr
        assertThat(vm.moveUpCommand().execute()).isTrue();
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("inte sparad");
        vm.selectedProperty().set(4); // Solgården, Genomförandeplaner: first in its area
        assertThat(vm.moveUpCommand().execute()).isTrue();
        assertThat(vm.saveCommand().execute()).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();

        List<String> expected = List.of(
                "Hemtjänst|Basala hygienrutiner|Hemtjänst Norr", "Hemtjänst|Genomförandeplaner|Hemtjänst Norr",
                "Hemtjänst|Basala hygienrutiner|Hemtjänst Söder",
                "Särskilt boende|Genomförandeplaner|Solgården", "Särskilt boende|Basala hygienrutiner|Solgården");
        assertThat(rows(vm)).isEqualTo(expected);
        assertThat(reportRows()).isEqualTo(expected);
        ctx.close();
        ctx = TestDb.open(dir);
        assertThat(rows(open(ctx))).isEqualTo(expected);
    }

    @Test
    void aRowNeverLeavesItsAreaAndTheOldOrderCanBeHadBack() {
        vm.selectedProperty().set(2); // last of Hemtjänst
        assertThat(vm.moveDownCommand().isExecutable()).isFalse();
        vm.selectedProperty().set(3); // first of Särskilt boende
        assertThat(vm.moveUpCommand().isExecutable()).isFalse();
        vm.selectedProperty().set(0);
        assertThat(vm.moveUpCommand().isExecutable()).isFalse();
        vm.moveDownCommand().execute();
        vm.moveDownCommand().execute();
        assertThat(rows(vm).get(2)).isEqualTo("Hemtjänst|Basala hygienrutiner|Hemtjänst Norr");
        vm.saveCommand().execute();
        // "Ordna efter egenkontroll och enhet" gives the order before anyone placed a row, to save again.
        assertThat(vm.byCheckAndUnitCommand().execute()).isTrue();
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(rows(vm).get(0)).isEqualTo("Hemtjänst|Basala hygienrutiner|Hemtjänst Norr");
        assertThat(vm.revertCommand().execute()).isTrue();
        assertThat(rows(vm).get(2)).isEqualTo("Hemtjänst|Basala hygienrutiner|Hemtjänst Norr");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void switchingYearWithUnsavedMovesAsksAndAvbrytKeepsThem() {
        vm.selectedProperty().set(1);
        vm.moveUpCommand().execute();
        dialogs.unsavedAnswer = DialogService.Unsaved.CANCEL;
        vm.yearProperty().set(2021);
        assertThat(dialogs.unsavedQuestions).singleElement().asString().contains("2022");
        assertThat(vm.yearProperty().get()).isEqualTo(2022);
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(rows(vm).get(0)).isEqualTo("Hemtjänst|Basala hygienrutiner|Hemtjänst Söder");

        dialogs.unsavedAnswer = DialogService.Unsaved.SAVE;
        vm.yearProperty().set(2021);
        assertThat(rows(vm)).containsExactly("Hemtjänst|Läkemedel|Hemtjänst Norr");
        vm.yearProperty().set(2022);
        assertThat(rows(vm).get(0)).isEqualTo("Hemtjänst|Basala hygienrutiner|Hemtjänst Söder");
    }

    private static List<String> rows(Bilaga2YearViewModel m) {
        return m.lines().stream().map(l -> l.area() + "|" + l.check() + "|" + l.unit()).toList();
    }

    private List<String> reportRows() {
        ReportModel model = ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, 2022, 0, null, false, null),
                LocalDate.of(2023, 1, 27), (f, w) -> { }, () -> false);
        return model.selfChecks().rows().stream().map(r -> r.area() + "|" + r.check() + "|" + r.unit()).toList();
    }

    private Unit unit(Long parent, String name, OrgLevel level, String areaCode) {
        return ctx.units().save(new Unit(null, parent, name, level, areaCode == null ? null : area.get(areaCode),
                ProviderKind.KOMMUNAL, null, null, null));
    }

    private void round(String name, List<Unit> to, List<Unit> submitting, int year) {
        Question q = new Question(null, "k", "Följer verksamheten rutinen?", AnswerType.YES_NO, true, null, null,
                List.of(), FindingRule.NO_OR_PARTLY);
        Template t = ctx.selfChecks().saveTemplate(Template.draft(name, null,
                List.of(new TemplateSection(null, "Kontroll", List.of(q))))).value();
        long question = t.questions().findFirst().orElseThrow().id();
        long round = ctx.selfChecks().createRound(new Round(null, name + " " + year, t.id(), LocalDate.of(year, 3, 1),
                LocalDate.of(year, 3, 31), LocalDate.of(year, 4, 15), null, null),
                to.stream().map(Unit::id).toList()).value().id();
        for (Unit u : submitting) {
            long response = ctx.selfChecks().responses(round, u.id()).getFirst().id();
            ctx.selfChecks().submit(response, List.of(new Answer(null, question, "JA", null)));
        }
    }
}
