package se.kvalitetshjulet.ui.risk;

import java.nio.file.Path;
import java.util.List;

import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.export.RiskReportExporter;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/** A saved analysis as a DOCX or PDF report for the person who decides, written off the FX thread. */
final class RiskAnalysisExport {
    private final RiskContext ctx;
    private final RiskService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    RiskAnalysisExport(RiskContext ctx, RiskService service, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    /** Asks where to save the stored analysis and writes it there. */
    void export(boolean docx, AnalysisKind kind, long analysisId) {
        String ext = docx ? "docx" : "pdf";
        String name = (kind == AnalysisKind.HANDELSEANALYS ? "handelseanalys-" : "riskanalys-") + analysisId + "." + ext;
        dialogs.chooseSaveFile(i18n.get("risk.export.title"), name, List.of("*." + ext)).ifPresent(path ->
                tasks.run(i18n.get("risk.exporting"), p -> {
                    RiskReportExporter exporter = new RiskReportExporter(i18n.bundle());
                    if (docx) {
                        exporter.docx(service.report(analysisId), ctx.today(), path);
                    } else {
                        exporter.pdf(service.report(analysisId), ctx.today(), path);
                    }
                    return path;
                }, (Path done) -> dialogs.showInfo(i18n.get("risk.export.title"), i18n.get("risk.exported", done)),
                        dialogs::showUnexpected));
    }
}
