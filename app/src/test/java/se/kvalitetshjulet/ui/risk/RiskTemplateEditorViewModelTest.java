package se.kvalitetshjulet.ui.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The risk-template editor without windows: size changes, band validation, preview colours, saving, templates in use. */
class RiskTemplateEditorViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final List<RiskTemplate> saved = new ArrayList<>();
    RiskTemplateEditorViewModel vm;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        vm = new RiskTemplateEditorViewModel(ctx.riskService(), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")),
                saved::add);
        vm.refresh(null);
    }

    private void select(String name) {
        vm.selectedProperty().set(vm.templates().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void aNewFiveByFiveTemplateGetsTheStandardLevelsAndBandsAndIsSaved() {
        assertThat(vm.templates()).hasSize(3);
        assertThat(vm.saveCommand().isExecutable()).as("nothing is being edited yet").isFalse();
        vm.newCommand().execute();
        assertThat(vm.sizeProperty().get()).isEqualTo(4);
        assertThat(vm.problems()).containsExactly("Ge mallen ett namn.");
        vm.nameProperty().set("Riskanalys 5×5 för boenden");
        vm.sizeProperty().set(5);
        assertThat(vm.probabilities()).hasSize(5);
        assertThat(vm.consequences().get(4).labelProperty().get()).isEqualTo("Katastrofal");
        assertThat(vm.bands()).extracting(b -> b.toProperty().get()).containsExactly("4", "9", "14", "25");
        assertThat(vm.cellColour(5, 5)).isEqualTo("#e53935");
        assertThat(vm.cellColour(1, 1)).isEqualTo("#4caf50");

        RiskBandItem top = vm.bands().getLast();
        top.labelProperty().set("Allvarlig");
        top.colourProperty().set("#8e24aa");
        assertThat(vm.cellColour(5, 4)).as("the preview follows the colour").isEqualTo("#8e24aa");
        assertThat(vm.problems()).isEmpty();

        assertThat(vm.saveCommand().execute()).isTrue();
        assertThat(saved).hasSize(1);
        RiskTemplate t = ctx.riskService().template(saved.getFirst().id());
        assertThat(t.matrix().size()).isEqualTo(5);
        assertThat(t.matrix().band(25).label()).isEqualTo("Allvarlig");
        assertThat(t.matrix().band(25).colour()).isEqualTo("#8e24aa");
        assertThat(t.matrix().band(25).code()).isEqualTo("MYCKET_HOG");
        assertThat(t.steps()).isEqualTo(RiskTemplate.RISK_STEPS);
        assertThat(vm.templates()).hasSize(4);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(t.id());
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void bandsWithGapsOverlapsOrWordsAreRefusedWithTheServicesMessages() {
        vm.newCommand().execute();
        vm.nameProperty().set("Egen mall");
        vm.bands().get(0).toProperty().set("1");
        assertThat(vm.problems()).containsExactly("Riskpoängen 2–2 ingår inte i något riskområde.");
        vm.bands().get(0).toProperty().set("3");
        assertThat(vm.problems()).containsExactly("Riskpoängen 3–3 ingår i flera riskområden.");
        vm.bands().get(0).toProperty().set("två");
        assertThat(vm.problems()).contains("Riskområdet ”Låg”: ange poäng från och till som heltal.");
        vm.bands().get(0).toProperty().set("2");
        vm.bands().getLast().toProperty().set("15");
        assertThat(vm.problems()).containsExactly("Riskområdena ska tillsammans täcka 1–16.");
        assertThat(vm.cellColour(4, 4)).as("score 16 is in no band: the preview shows it").isNull();
        vm.stepsTextProperty().set("  \n");
        vm.saveCommand().execute();
        assertThat(vm.saveStateProperty().get()).isEqualTo("Mallen sparades inte: rätta 2 fel först.");
        assertThat(ctx.riskService().templates()).hasSize(3);

        vm.bands().getLast().toProperty().set("16");
        vm.stepsTextProperty().set("Kartlägg processen\nIdentifiera risker");
        vm.addBandCommand().execute();
        assertThat(vm.problems()).contains("Riskpoängen 16–16 ingår i flera riskområden.");
        vm.removeBand(vm.bands().getLast());
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void aCustomisedMatrixKeepsItsLabelsWhenResizedAndAsksForTheNewOnes() {
        vm.newCommand().execute();
        vm.nameProperty().set("Egen");
        vm.probabilities().getFirst().labelProperty().set("Sällan");
        vm.sizeProperty().set(5);
        assertThat(vm.probabilities().getFirst().labelProperty().get()).isEqualTo("Sällan");
        assertThat(vm.probabilities().get(4).labelProperty().get()).isEmpty();
        assertThat(vm.bands().getLast().toProperty().get()).isEqualTo("25");
        assertThat(vm.problems()).contains("Nivå 5 saknar benämning.");
        vm.sizeProperty().set(4);
        assertThat(vm.probabilities()).hasSize(4);
        assertThat(vm.bands().getLast().toProperty().get()).isEqualTo("16");
        assertThat(vm.problems()).isEmpty();

        // Switching to händelseanalys swaps the untouched default steps for the eight steps of an event analysis.
        vm.kindProperty().set(AnalysisKind.HANDELSEANALYS);
        assertThat(vm.steps()).isEqualTo(RiskTemplate.EVENT_STEPS);
    }

    @Test
    void editingATemplateInUseSavesANewTemplateAndSaysSo() {
        Unit unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        RiskTemplate four = ctx.riskService().templates().getFirst();
        RiskAnalysis draft = RiskAnalysis.newDraft(four, unit.id(), TestDb.TODAY);
        RiskAnalysis a = new RiskAnalysis(null, four.id(), four.kind(), draft.status(), "Fallrisker i hemtjänsten",
                draft.level(), unit.id(), draft.trigger(), TestDb.TODAY, "", "", "", "", null, null, null, null,
                List.of(new Risk(null, "Fall vid dusch", "", "", 3, 4, null, null)), draft.steps(), List.of(), List.of(),
                List.of());
        assertThat(ctx.riskService().save(a, false).ok()).isTrue();
        vm.refresh(null);
        assertThat(vm.describe(vm.templates().getFirst())).contains("används i 1 analys");

        select(four.name());
        vm.editCommand().execute();
        assertThat(vm.noticeProperty().get()).startsWith("Mallen används av 1 analys. Sparar du ändringar skapas en ny mall");
        vm.sizeProperty().set(5);
        vm.saveCommand().execute();

        assertThat(dialogs.infos).singleElement().asString().contains("ändrades därför inte")
                .contains(four.name() + " (version 2)");
        assertThat(saved.getFirst().id()).isNotEqualTo(four.id());
        assertThat(ctx.riskService().template(four.id()).matrix()).isEqualTo(RiskMatrix.socialstyrelsen4x4());
        assertThat(vm.describe(vm.templates().getFirst())).contains("ersatt");
        assertThat(vm.selectedProperty().get().name()).isEqualTo(four.name() + " (version 2)");

        // Duplicate: a copy to adjust, saved under its own name; closing with unsaved changes asks first.
        vm.duplicateCommand().execute();
        assertThat(vm.nameProperty().get()).isEqualTo("Kopia av " + four.name() + " (version 2)");
        vm.nameProperty().set("Kopia");
        dialogs.confirmAnswer = false;
        assertThat(vm.confirmClose()).isFalse();
        vm.saveCommand().execute();
        assertThat(vm.confirmClose()).isTrue();
        assertThat(ctx.riskService().templates()).extracting(RiskTemplate::name).contains("Kopia");
    }
}
