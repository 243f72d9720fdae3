package se.kvalitetshjulet.ui.deviation;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.service.imports.ImportResult;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * What a dry run or an import found, as the last steps show it: the result, the error report (errors and warnings,
 * one line each), the notes, and a summary in words (how many rows read, valid, rejected, unchanged; what happens or
 * happened).
 */
final class ImportOutcome {
    private final I18n i18n;
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<ImportViewModel.ReportLine> report = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");

    ImportOutcome(I18n i18n) {
        this.i18n = i18n;
    }

    void show(ImportResult r) {
        result.set(r);
        List<ImportViewModel.ReportLine> lines = new ArrayList<>();
        r.errors().forEach(e -> lines.add(ImportViewModel.ReportLine.of(e, false)));
        r.warnings().forEach(w -> lines.add(ImportViewModel.ReportLine.of(w, true)));
        report.setAll(lines);
        notes.setAll(r.notes());
        summary.set(summaryOf(r));
    }

    void clear() {
        result.set(null);
        report.clear();
        notes.clear();
        summary.set("");
    }

    private String summaryOf(ImportResult r) {
        if (r.fileRejected()) {
            return i18n.get("import.summary.fileRejected");
        }
        String counts = i18n.get("import.summary.counts", r.rowsRead(), r.valid(), r.rejectedRows(), r.unchanged());
        if (r.identityNumberRows() > 0) {
            counts += " " + i18n.get("import.summary.identityNumbers", r.identityNumberRows());
        }
        String outcome;
        if (r.ok() && r.valid() == 0) {
            outcome = i18n.get("import.summary.nothingNew");
        } else if (r.dryRun()) {
            outcome = r.ok() ? i18n.get("import.summary.dryRunOk", r.valid())
                    : i18n.get("import.summary.dryRunRejected", r.errorCount());
        } else if (r.imported() > 0) {
            outcome = i18n.get("import.summary.imported", r.imported());
        } else if (!r.ok()) {
            outcome = i18n.get("import.summary.nothingWritten");
        } else {
            outcome = i18n.get("import.summary.nothingNew");
        }
        return counts + "\n" + outcome;
    }

    ObjectProperty<ImportResult> resultProperty() { return result; }
    ObservableList<ImportViewModel.ReportLine> report() { return report; }
    ObservableList<String> notes() { return notes; }
    StringProperty summaryProperty() { return summary; }
}
