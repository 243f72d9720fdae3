package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** Omgångar: a new round sent to a chosen set of units at any level, not only to the leaves of one subtree. */
class RoundsToChosenUnitsViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    Unit avdelning;
    Unit norr;
    Unit syd;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        Unit forv = save(new Unit(null, null, "Äldreförvaltningen", OrgLevel.FORVALTNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        avdelning = save(new Unit(null, forv.id(), "Hemtjänst", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        norr = save(new Unit(null, avdelning.id(), "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        syd = save(new Unit(null, avdelning.id(), "Hemtjänst Syd", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        save(new Unit(null, norr.id(), "Sektion Björkhagen", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL, null, null, null));
        ctx.selfChecks().saveTemplate(Template.draft("Genomförandeplaner", null, List.of(new TemplateSection(null, "Planer",
                List.of(new Question(null, "plan", "Finns aktuell genomförandeplan?", AnswerType.YES_NO, true, null, null,
                        List.of(), FindingRule.NO_OR_PARTLY)))))).value();
    }

    private Unit save(Unit u) {
        return ctx.units().save(u);
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void theRoundGoesToExactlyTheCheckedUnitsOneFormEach() {
        SelfCheckViewModel screen = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new SyncTaskRunner(), dialogs,
                new I18n(Locale.of("sv")));
        screen.refresh();
        RoundsViewModel vm = screen.roundsTab();
        vm.roundTemplateProperty().set(screen.templates().getFirst());
        vm.chooseUnitsProperty().set(true);
        assertThat(vm.createRoundCommand().isExecutable()).as("nothing checked yet").isFalse();

        Unit avd = vm.allUnits().stream().filter(u -> u.id().equals(avdelning.id())).findFirst().orElseThrow();
        Unit n = vm.allUnits().stream().filter(u -> u.id().equals(norr.id())).findFirst().orElseThrow();
        vm.chosenProperty(n).set(true);
        vm.chosenProperty(avd).set(true);
        assertThat(vm.chosenSummaryProperty().get()).isEqualTo("2 enheter valda");
        assertThat(vm.createRoundCommand().execute()).isTrue();
        assertThat(vm.roundProblemsProperty().get()).isEmpty();

        var round = ctx.selfChecks().rounds().stream().filter(r -> r.round().name().startsWith("Genomförandeplaner"))
                .findFirst().orElseThrow();
        // an avdelning and an enhet that has a section below it: neither is a leaf, both get their own form
        assertThat(ctx.selfChecks().responses(round.round().id(), null)).extracting(ResponseRow::unitName)
                .containsExactlyInAnyOrder("Hemtjänst", "Hemtjänst Norr");
        assertThat(round.units()).isEqualTo(2);
        assertThat(vm.chosenUnits()).as("the form is cleared for the next round").isEmpty();
        assertThat(vm.chosenProperty(n).get()).isFalse();
        assertThat(dialogs.unexpected).isEmpty();
    }
}
