package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.SavedFilter;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.service.TrendSettingsJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.SavedFilterRepository;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** Editing a council's deck in the chart screen's view model: every change is saved and reads back in order. */
class DeckEditingViewModelTest {
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.of("sv"));

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
    }

    private TrendViewModel councilVm(Unit unit) {
        TrendViewModel vm = new TrendViewModel(FeatureContexts.trend(ctx), new SyncTaskRunner(), dialogs, i18n);
        vm.editDeck(unit.id(), unit.name());
        vm.refresh();
        return vm;
    }

    private void add(TrendViewModel vm, ChartKind kind, String title) {
        vm.chartKindProperty().set(kind);
        dialogs.textAnswer = Optional.of(title);
        assertThat(vm.addToDeckCommand().execute()).isTrue();
    }

    private static void select(TrendViewModel vm, String title) {
        vm.selectedDeckItemProperty().set(vm.deckItems().stream().filter(i -> i.title().equals(title)).findFirst()
                .orElseThrow());
    }

    @Test
    void removeMoveRenameAndReplaceArePersistedAndReloadInTheSameOrder() {
        Unit unit = ctx.organisation().tree().all().stream().filter(u -> u.parentId() != null).findFirst().orElseThrow();
        TrendViewModel vm = councilVm(unit);
        assertThat(vm.deckOwnerProperty().get().councilUnitId()).isEqualTo(unit.id());
        assertThat(vm.deckItems()).isEmpty();
        add(vm, ChartKind.TREND, "Trend");
        add(vm, ChartKind.PARETO_CATEGORIES, "Pareto");
        add(vm, ChartKind.ACTIONS, "Åtgärder");
        add(vm, ChartKind.PARETO_CAUSES, "Orsaker");
        // Saved order, not alphabetical.
        assertThat(vm.deck()).containsExactly("Trend", "Pareto", "Åtgärder", "Orsaker");
        assertThat(vm.deckItems().get(1).summary()).startsWith("Pareto: avvikelser per kategori · Hela organisationen");

        select(vm, "Pareto");
        assertThat(vm.moveUpCommand().execute()).isTrue();
        assertThat(vm.deck()).containsExactly("Pareto", "Trend", "Åtgärder", "Orsaker");
        assertThat(vm.selectedDeckItemProperty().get().title()).isEqualTo("Pareto");
        assertThat(vm.moveUpCommand().isExecutable()).isFalse();

        select(vm, "Trend");
        assertThat(vm.moveDownCommand().execute()).isTrue();
        assertThat(vm.deck()).containsExactly("Pareto", "Åtgärder", "Trend", "Orsaker");

        select(vm, "Åtgärder");
        dialogs.textAnswer = Optional.of("Trend");
        assertThat(vm.renameInDeckCommand().execute()).isTrue();
        assertThat(dialogs.errors).containsExactly("Det finns redan en bild med rubriken ”Trend” bland mötesbilderna.");
        dialogs.textAnswer = Optional.of("  Öppna åtgärder ");
        assertThat(vm.renameInDeckCommand().execute()).isTrue();
        assertThat(vm.deck()).containsExactly("Pareto", "Öppna åtgärder", "Trend", "Orsaker");
        assertThat(vm.selectedDeckItemProperty().get().settings().chartKind()).isEqualTo(ChartKind.ACTIONS);

        // "Uppdatera bilden": the trend chart becomes the risk matrix now on screen, keeping title and place.
        select(vm, "Trend");
        vm.chartKindProperty().set(ChartKind.RISK_MATRIX);
        assertThat(vm.chartProperty().get().kind()).isEqualTo(ChartKind.RISK_MATRIX);
        assertThat(vm.replaceInDeckCommand().execute()).isTrue();
        assertThat(vm.deckItems().get(2).settings().chartKind()).isEqualTo(ChartKind.RISK_MATRIX);
        assertThat(vm.deckItems().get(2).settings().riskTemplateId()).isEqualTo(vm.riskTemplateProperty().get().id());
        assertThat(vm.deckItems().get(2).summary()).startsWith("Riskmatris");

        select(vm, "Orsaker");
        dialogs.confirmAnswer = false;
        assertThat(vm.removeFromDeckCommand().execute()).isTrue();
        assertThat(vm.deck()).hasSize(4);
        dialogs.confirmAnswer = true;
        assertThat(vm.removeFromDeckCommand().execute()).isTrue();
        assertThat(vm.deck()).containsExactly("Pareto", "Öppna åtgärder", "Trend");
        assertThat(vm.selectedDeckItemProperty().get().title()).isEqualTo("Trend");

        // In the database, and in a new chart screen opened on the same council, in the same order.
        assertThat(ctx.savedFilters().inOrder(TrendViewModel.deckScreen(unit.id())))
                .extracting(SavedFilter::name).containsExactly("Pareto", "Öppna åtgärder", "Trend");
        TrendViewModel again = councilVm(unit);
        assertThat(again.deck()).containsExactly("Pareto", "Öppna åtgärder", "Trend");
        assertThat(again.deckItems()).extracting(i -> i.settings().chartKind())
                .containsExactly(ChartKind.PARETO_CATEGORIES, ChartKind.ACTIONS, ChartKind.RISK_MATRIX);

        // The presentation shows them in that order, under their deck titles.
        List<ChartData> shown = new ArrayList<>();
        again.loadDeck(unit.id(), shown::addAll);
        assertThat(shown).extracting(ChartData::title).containsExactly("Pareto", "Öppna åtgärder", "Trend");
        assertThat(shown).extracting(ChartData::kind)
                .containsExactly(ChartKind.PARETO_CATEGORIES, ChartKind.ACTIONS, ChartKind.RISK_MATRIX);
        assertThat(shown.get(2).matrix()).isNotNull();
        assertThat(shown.get(2).subtitle()).startsWith("Riskmatris: risker före och efter åtgärder · ");
        // The default deck (the demo's six charts) was not touched.
        assertThat(ctx.savedFilters().inOrder(TrendViewModel.DECK)).hasSize(6).first()
                .extracting(SavedFilter::name).isEqualTo("Alla avvikelser per månad");
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void theRiskMatrixCountsOnlyTheMostUsedTemplateAndSaysSo() {
        TrendViewModel vm = new TrendViewModel(FeatureContexts.trend(ctx), new SyncTaskRunner(), dialogs, i18n);
        vm.refresh();
        vm.chartKindProperty().set(ChartKind.RISK_MATRIX);
        ChartData c = vm.chartProperty().get();
        assertThat(vm.messageProperty().get()).isEmpty();
        var usage = ctx.riskService().templateUsage();
        int most = usage.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(usage.get(vm.riskTemplateProperty().get().id())).isEqualTo(most);
        assertThat(vm.riskTemplates().getFirst()).isEqualTo(vm.riskTemplateProperty().get());
        assertThat(c.subtitle()).contains("bara mallen " + vm.riskTemplateProperty().get().name() + ": ");
        assertThat(c.matrix().matrix().size()).isEqualTo(vm.riskTemplateProperty().get().matrix().size());
        assertThat(c.matrix().total(false)).isPositive();
        assertThat(c.matrix().total(true)).isEqualTo(c.matrix().total(false));
        assertThat(String.join(" ", c.explanations())).contains("Före åtgärder:").contains("Efter åtgärder:");

        TrendSettings back = TrendSettingsJson.fromJson(TrendSettingsJson.toJson(vm.settings()));
        assertThat(back).isEqualTo(vm.settings());
        assertThat(back.riskTemplateId()).isEqualTo(vm.riskTemplateProperty().get().id());
        assertThat(TrendSettingsJson.fromJson("{\"chartKind\":\"ACTIONS\"}").riskTemplateId()).isNull();
        assertThat(dialogs.unexpected).isEmpty();
    }
}
