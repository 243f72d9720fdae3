package se.kvalitetshjulet.ui.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.report.ReportViewModel.PreviewRow;

/**
 * The key numbers of the chosen report, built as the report would be and shown as label–value rows; only the answer
 * to the latest choice is shown.
 */
final class ReportPreview {
    private final ReportContext ctx;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Consumer<Throwable> failed;

    private final ObjectProperty<ReportModel> model = new SimpleObjectProperty<>();
    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private int seq;

    ReportPreview(ReportContext ctx, TaskRunner tasks, I18n i18n, Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.i18n = i18n;
        this.failed = failed;
    }

    /** How many loads have started: a load that finds this changed knows a newer choice has loaded its own. */
    int seq() {
        return seq;
    }

    void load(ReportService.Request r, Period period) {
        int mine = ++seq;
        loading.set(true);
        tasks.run(i18n.get("report.ui.previewing", period.label()),
                p -> ctx.reportService().build(r, ctx.today(), (f, w) -> { }, p::isCancelled), m -> {
                    if (mine == seq) {
                        loading.set(false);
                        show(m);
                    }
                }, e -> {
                    if (mine == seq) {
                        loading.set(false);
                    }
                    if (!(e instanceof CancellationException)) {
                        failed.accept(e);
                    }
                });
    }

    private void show(ReportModel m) {
        model.set(m);
        List<PreviewRow> out = new ArrayList<>();
        PatternReport p = m.patterns();
        for (DeviationKind k : DeviationKind.values()) {
            out.add(new PreviewRow(i18n.of(k), p.boardStyle(k, PatternReport.TOTAL)));
        }
        long[] all = new long[p.yearsCompared() + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = m.total(i);
        }
        out.add(new PreviewRow(i18n.get("report.col.allKinds"), p.boardStyle(all)));
        out.add(new PreviewRow(i18n.get("report.ui.preview.sarah"), Long.toString(m.count(DeviationKind.LEX_SARAH))));
        out.add(new PreviewRow(i18n.get("report.ui.preview.ivo"),
                i18n.get("report.ui.preview.ivoValue", m.sarahIvo(), m.mariaIvo())));
        out.add(new PreviewRow(i18n.get("report.ui.preview.risks"),
                i18n.get("report.ui.preview.risksValue", m.risks().riskAnalyses(), m.risks().eventAnalyses())));
        out.add(new PreviewRow(i18n.get("report.ui.preview.selfChecks"), i18n.get("report.ui.preview.selfChecksValue",
                m.selfChecks().rounds(), m.selfChecks().units(), m.selfChecks().submitted())));
        for (ReportModel.KeyFigure k : m.keyFigures()) {
            if (k.decimals() > 0) {
                out.add(new PreviewRow(i18n.get("report.key." + k.key()), i18n.numbers().fixed(k.value(),
                        k.decimals())));
            }
        }
        rows.setAll(out);
    }

    ObjectProperty<ReportModel> modelProperty() { return model; }
    ObservableList<PreviewRow> rows() { return rows; }
    BooleanProperty loadingProperty() { return loading; }
}
