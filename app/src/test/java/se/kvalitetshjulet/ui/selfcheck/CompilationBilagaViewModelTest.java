package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/**
 * Bilaga 2 in the board's words on the compilation screen (issue 21): the unit as the board writes it, the result in
 * the coordinator's words (the drafted one shown in the empty box) and the actions, stored with the row; a text with a
 * personnummer is refused and nothing of the row is stored.
 */
class CompilationBilagaViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    long round;
    final ObjectProperty<Compilation> compilation = new SimpleObjectProperty<>();
    CompilationViewModel vm;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        Unit unit = ctx.units().save(new Unit(null, adm.id(), "Tandvårdsteamet", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        Question q = new Question(null, "kontroll", "Följer verksamheten rutinen?", AnswerType.YES_NO, true, null,
                "SOSFS 2011:9 5 kap. 2 §", List.of(), FindingRule.NO_OR_PARTLY);
        Template t = ctx.selfChecks().saveTemplate(Template.draft("Handläggningstid tandvård", null,
                List.of(new TemplateSection(null, "Kontroll", List.of(q))))).value();
        round = ctx.selfChecks().createRound(new Round(null, "Handläggningstid tandvård", t.id(),
                LocalDate.of(2022, 3, 1), LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 15), null, null),
                List.of(unit.id())).value().id();
        long response = ctx.selfChecks().responses(round, unit.id()).getFirst().id();
        long question = t.questions().findFirst().orElseThrow().id();
        ctx.selfChecks().submit(response, List.of(new Answer(null, question, "NEJ", null)));
        vm = new CompilationViewModel(ctx.selfChecks(), ctx.bilaga2(), new SyncTaskRunner(), new RecordingDialogService(),
                new I18n(Locale.of("sv")), compilation, () -> compilation.set(ctx.selfChecks().compile(round)));
        compilation.set(ctx.selfChecks().compile(round));
        vm.bilagaUnitProperty().set(vm.bilagaUnits().getFirst());
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void theBoardsWordsAreStoredWithTheRow() {
        assertThat(vm.bilagaResultDraftProperty().get()).isNotBlank();
        vm.bilagaDisplayNameProperty().set("Tandvårdsteamet.");
        vm.bilagaResultTextProperty().set("Kontrollen visar att handläggnings- och bedömningstider är långa.");
        vm.bilagaActionsProperty().set("Utökade resurser i Tandvårdsteamet och ökat konsultstöd.");
        assertThat(vm.saveBilagaCommand().execute()).isTrue();

        var stored = ctx.bilaga2().texts(round, vm.bilagaUnitProperty().get().responseId());
        assertThat(stored.displayName()).isEqualTo("Tandvårdsteamet.");
        assertThat(stored.resultText()).isEqualTo("Kontrollen visar att handläggnings- och bedömningstider är långa.");
        assertThat(stored.actionsText()).isEqualTo("Utökade resurser i Tandvårdsteamet och ökat konsultstöd.");
        assertThat(vm.bilagaProblemsProperty().get()).isEmpty();
        // Choosing the row again shows what is stored.
        vm.bilagaUnitProperty().set(null);
        vm.bilagaUnitProperty().set(vm.bilagaUnits().getFirst());
        assertThat(vm.bilagaDisplayNameProperty().get()).isEqualTo("Tandvårdsteamet.");
        // The table above the editor shows what the report prints, not the computed defaults.
        var row = vm.bilagaUnits().getFirst();
        assertThat(vm.boardUnit(row)).isEqualTo("Tandvårdsteamet.");
        assertThat(vm.boardResult(row)).isEqualTo("Kontrollen visar att handläggnings- och bedömningstider är långa.");
        assertThat(vm.boardActions(row)).isEqualTo("Utökade resurser i Tandvårdsteamet och ökat konsultstöd.");
    }

    @Test
    void aRowWithoutTheBoardsWordsShowsTheDefaultsTheReportPrints() {
        var row = vm.bilagaUnits().getFirst();
        assertThat(vm.boardUnit(row)).isEqualTo("Tandvårdsteamet");
        assertThat(vm.boardResult(row)).isEqualTo(row.result().phrase() + ".");
    }

    @Test
    void aPersonnummerInTheBoardsTextsIsRefusedAndNothingIsStored() {
        long response = vm.bilagaUnitProperty().get().responseId();
        vm.bilagaResultTextProperty().set("Brister i ärendet för 19121212-1212.");
        vm.bilagaRoutinesProperty().set("Ny rutin för uppföljning.");
        vm.saveBilagaCommand().execute();
        assertThat(vm.bilagaProblemsProperty().get()).contains("personnummer");
        assertThat(ctx.bilaga2().texts(round, response).resultText()).isEmpty();
        assertThat(ctx.selfChecks().compile(round).units().getFirst().routines()).doesNotContain("Ny rutin");
    }
}
