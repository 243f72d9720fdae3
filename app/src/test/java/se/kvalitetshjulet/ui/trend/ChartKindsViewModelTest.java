package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.council.MeetingRow;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import se.kvalitetshjulet.domain.trend.TrendSettings;
import se.kvalitetshjulet.service.TrendSettingsJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.council.CouncilViewModel;

/** The chart kinds, annotations and per-council decks of the chart screen's view model, on the demo municipality. */
class ChartKindsViewModelTest {
    private final AppContext ctx = SharedDemo.get();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.of("sv"));
    private final TrendViewModel vm = new TrendViewModel(FeatureContexts.trend(ctx), new SyncTaskRunner(), dialogs, i18n);

    @Test
    void paretoOfCategoriesIsSortedDescendingWithCumulativeShareEndingAtHundred() {
        vm.refresh();
        vm.chartKindProperty().set(ChartKind.PARETO_CATEGORIES);
        ChartData c = vm.chartProperty().get();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(c.kind()).isEqualTo(ChartKind.PARETO_CATEGORIES);
        assertThat(c.points()).hasSizeGreaterThan(3);
        for (int i = 1; i < c.points().size(); i++) {
            assertThat(c.points().get(i).value()).isLessThanOrEqualTo(c.points().get(i - 1).value());
            assertThat(c.points().get(i).second()).isGreaterThanOrEqualTo(c.points().get(i - 1).second());
        }
        assertThat(c.points().getLast().second()).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
        double total = c.points().stream().mapToDouble(ChartData.Point::value).sum();
        assertThat(c.points().getFirst().second()).isCloseTo(100 * c.points().getFirst().value() / total,
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.explanations().getFirst()).contains("80 %");
        assertThat(c.title()).contains("Pareto");
    }

    @Test
    void causesMeasureTypesComplianceAndActionsAllDraw() {
        vm.refresh();
        vm.chartKindProperty().set(ChartKind.PARETO_CAUSES);
        assertThat(vm.chartProperty().get().kind()).isEqualTo(ChartKind.PARETO_CAUSES);
        vm.chartKindProperty().set(ChartKind.PARETO_MEASURE_TYPES);
        assertThat(vm.chartProperty().get().kind()).isEqualTo(ChartKind.PARETO_MEASURE_TYPES);

        vm.chartKindProperty().set(ChartKind.SELF_CHECK_COMPLIANCE);
        assertThat(vm.templateFamilies()).isNotEmpty();
        ChartData compliance = vm.chartProperty().get();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(compliance.kind()).isEqualTo(ChartKind.SELF_CHECK_COMPLIANCE);
        assertThat(compliance.points()).allSatisfy(p -> assertThat(p.value()).isBetween(0.0, 100.0));
        if (compliance.points().size() >= 2) {
            assertThat(compliance.chartType()).isEqualTo(ChartType.P);
            assertThat(compliance.points()).allSatisfy(p -> assertThat(p.upper()).isLessThanOrEqualTo(100.0));
        }

        vm.chartKindProperty().set(ChartKind.ACTIONS);
        ChartData actions = vm.chartProperty().get();
        assertThat(actions.kind()).isEqualTo(ChartKind.ACTIONS);
        assertThat(actions.points()).hasSize(36);
        assertThat(actions.points()).allSatisfy(p -> assertThat(p.second()).isBetween(0.0, p.value()));
        assertThat(actions.points().stream().mapToDouble(ChartData.Point::value).max().orElse(0)).isGreaterThan(0);
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void anAnnotationIsAMarkerAtItsMonthAndCanStartANewPhase() {
        vm.refresh();
        vm.styleProperty().set(ChartStyle.CONTROL);
        LocalDate date = vm.fromProperty().get().plusMonths(20).plusDays(9);
        vm.annotationDateProperty().set(date);
        vm.annotationTextProperty().set("Ny rutin införd");
        assertThat(vm.addAnnotationCommand().execute()).isTrue();
        ChartData c = vm.chartProperty().get();
        assertThat(c.markers()).containsExactly(new ChartData.Marker(20, "Ny rutin införd"));
        assertThat(c.points()).allSatisfy(p -> assertThat(p.part()).isEqualTo(1));

        vm.annotations().clear();
        vm.annotationDateProperty().set(date);
        vm.annotationTextProperty().set("Ny rutin införd");
        vm.annotationPhaseProperty().set(true);
        vm.addAnnotationCommand().execute();
        c = vm.chartProperty().get();
        assertThat(c.points().get(20).part()).isEqualTo(1);
        assertThat(c.points().get(21).part()).isEqualTo(2);
        assertThat(String.join(" ", c.explanations())).contains("Del 2");

        TrendSettings back = TrendSettingsJson.fromJson(TrendSettingsJson.toJson(vm.settings()));
        assertThat(back.annotations()).hasSize(1);
        assertThat(back.annotations().getFirst().phaseSplit()).isTrue();
        assertThat(back.effectivePhaseStart()).isEqualTo(date);
    }

    @Test
    void eachCouncilHasItsOwnDeckWhichItsMeetingPresentsAndTheOldGlobalDeckIsTheDefault() {
        List<MeetingRow> meetings = ctx.councils().list(null);
        // Councils with an empty deck first (the demo gives two councils a deck of their own).
        List<Long> councilUnits = meetings.stream().map(MeetingRow::unitId).distinct()
                .sorted(java.util.Comparator.comparing((Long u) -> !ctx.savedFilters().inOrder(TrendViewModel.deckScreen(u))
                        .isEmpty()))
                .toList();
        assertThat(councilUnits).hasSizeGreaterThanOrEqualTo(2);
        // A deck saved before chart kinds existed: the old JSON form, in the old global deck.
        ctx.savedFilters().save(TrendViewModel.DECK, "Gammal bild", "{\"kind\":null,\"categoryId\":null,\"unitId\":null,"
                + "\"areaId\":null,\"granularity\":\"MONTH\",\"measure\":\"COUNT\",\"style\":\"RUN\",\"from\":\"2023-11-01\","
                + "\"to\":\"2026-10-31\",\"freeze\":null,\"phaseStart\":null}");

        vm.refresh();
        assertThat(vm.deckOwners()).hasSize(councilUnits.size() + 1);
        assertThat(vm.deck()).contains("Gammal bild");
        TrendViewModel.DeckOwner council = vm.deckOwners().stream()
                .filter(o -> councilUnits.getFirst().equals(o.councilUnitId())).findFirst().orElseThrow();
        vm.deckOwnerProperty().set(council);
        assertThat(vm.deck()).doesNotContain("Gammal bild");
        vm.chartKindProperty().set(ChartKind.PARETO_CATEGORIES);
        dialogs.textAnswer = Optional.of("Kategorier");
        assertThat(vm.addToDeckCommand().execute()).isTrue();
        assertThat(vm.deck()).containsExactly("Kategorier");
        vm.deckOwnerProperty().set(vm.deckOwners().getFirst());
        assertThat(vm.deck()).contains("Gammal bild").doesNotContain("Kategorier");

        // Next month's meeting of that council opens the same deck, computed with the data of the day.
        CouncilViewModel councilVm = new CouncilViewModel(FeatureContexts.council(ctx), new SyncTaskRunner(), dialogs, i18n);
        long meeting = meetings.stream().filter(m -> m.unitId() == councilUnits.getFirst()).findFirst().orElseThrow().id();
        councilVm.open(meeting);
        List<ChartData> shown = new ArrayList<>();
        councilVm.loadDeck(shown::addAll);
        assertThat(shown).extracting(ChartData::kind).containsExactly(ChartKind.PARETO_CATEGORIES);

        // A council without a deck of its own shows the default deck, old charts included.
        long other = meetings.stream().filter(m -> m.unitId() != councilUnits.getFirst())
                .filter(m -> ctx.savedFilters().inOrder(TrendViewModel.deckScreen(m.unitId())).isEmpty())
                .findFirst().orElseThrow().id();
        councilVm.open(other);
        shown.clear();
        councilVm.loadDeck(shown::addAll);
        assertThat(shown).extracting(ChartData::kind).contains(ChartKind.TREND);
        // Slides are titled as in the deck; the computed title leads the subtitle.
        assertThat(shown).extracting(ChartData::title).contains("Gammal bild");
        assertThat(shown).extracting(ChartData::subtitle).anyMatch(t -> t.startsWith("Antal"));
        assertThat(dialogs.unexpected).isEmpty();
    }
}
