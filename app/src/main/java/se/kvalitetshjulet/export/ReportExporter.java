package se.kvalitetshjulet.export;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.service.report.ReportModel;

/** Writes a built report in the chosen format (Word, PDF or the tables behind it in Excel). */
public final class ReportExporter {
    private final ResourceBundle bundle;

    public ReportExporter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void write(ReportModel model, ReportFormat format, Path target, BooleanSupplier cancelled) {
        switch (format) {
            case DOCX -> new ReportDocxWriter(bundle).write(model, target, cancelled);
            case PDF -> new ReportPdfWriter(bundle).write(model, target, cancelled);
            case XLSX -> new ReportXlsxWriter(bundle).write(model, target, cancelled);
        }
    }

    /** The sections the author has not written yet, by heading: asked about before writing (issue 21). */
    public java.util.List<String> unwritten(ReportModel model) {
        return ReportDocument.unwritten(model, bundle);
    }

    static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }
}
