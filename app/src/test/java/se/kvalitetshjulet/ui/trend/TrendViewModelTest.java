package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.domain.trend.ChartStyle;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.trend.TrendMeasure;
import se.kvalitetshjulet.service.demo.DemoDataService;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.SharedDemo;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The trends view model without a toolkit: real data, synchronous tasks. */
class TrendViewModelTest {
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final TrendViewModel vm = new TrendViewModel(FeatureContexts.trend(SharedDemo.get()), new SyncTaskRunner(), dialogs,
            new I18n(Locale.of("sv")));

    @Test
    void theDefaultChartIsARunChartOfRealCountsOverThreeYears() {
        vm.refresh();
        ChartData c = vm.chartProperty().get();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(c.points()).hasSize(36);
        assertThat(c.points()).allSatisfy(p -> assertThat(p.value()).isGreaterThan(50));
        assertThat(c.chartType()).isEqualTo(ChartType.RUN);
        assertThat(c.explanations()).isNotEmpty();
    }

    @Test
    void aRateControlChartForTheShiftedUnitSignalsInPlainSwedish() {
        vm.refresh();
        Unit linden = vm.units().stream().filter(u -> u.name().equals(DemoDataService.SHIFT_UNIT)).findFirst().orElseThrow();
        vm.kindProperty().set(DeviationKind.HSL_AVVIKELSE);
        vm.unitProperty().set(linden);
        vm.measureProperty().set(TrendMeasure.PER_1000_CARE_DAYS);
        vm.styleProperty().set(ChartStyle.CONTROL);
        ChartData c = vm.chartProperty().get();
        assertThat(c.chartType()).isEqualTo(ChartType.U);
        assertThat(c.signal()).isTrue();
        assertThat(String.join(" ", c.explanations())).containsIgnoringCase("förändring");
        assertThat(c.points()).allSatisfy(p -> assertThat(p.lower()).isGreaterThanOrEqualTo(0));
        assertThat(c.title()).contains("1 000 vårddygn");
    }

    @Test
    void barsComeWithAWarningInsteadOfSignals() {
        vm.refresh();
        vm.styleProperty().set(ChartStyle.BARS);
        assertThat(vm.chartProperty().get().signal()).isFalse();
        assertThat(vm.chartProperty().get().explanations().getFirst()).contains("Staplar visar bara antalet");
    }
}
