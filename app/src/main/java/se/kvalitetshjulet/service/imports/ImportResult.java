package se.kvalitetshjulet.service.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import (or dry run) found and did. Row counts: {@code rowsRead} data rows (blank
 * rows are not counted); of those {@code unchanged} were already in the register from the same
 * source, {@code rejectedRows} have at least one error and {@link #valid()} can be imported.
 * {@code imported} is how many were written (0 in a dry run and whenever a row was rejected,
 * unless rejected rows were to be skipped). {@code errors} and {@code warnings} hold the first
 * {@value DeviationImporter#MAX_PROBLEMS_KEPT}; {@code errorCount} and {@code warningCount}
 * count all. {@code identityNumberRows} counts rows whose free text seems to hold a personnummer
 * (a warning, not an error).
 */
public record ImportResult(String file, String format, String source, boolean dryRun, long rowsRead, long rejectedRows,
                           long imported, long unchanged, long identityNumberRows, long errorCount,
                           List<RowError> errors, long warningCount, List<RowError> warnings, List<String> notes,
                           List<Phase> phases) {
    public ImportResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
        phases = List.copyOf(phases);
    }

    /**
     * Where the import's time went (decision 0040): a phase's name, its wall-clock and CPU milliseconds (CPU of the
     * thread that ran it, SQLite's work included; -1 where the JVM cannot tell).
     */
    public record Phase(String name, long wallMs, long cpuMs) { }

    /** The phases as one line: "kontroll 3.1 s (CPU 2.8 s), …". */
    public String timing() {
        return se.kvalitetshjulet.data.repo.ImportPhases.describe(phases.stream()
                .map(p -> new se.kvalitetshjulet.data.repo.ImportPhases.Phase(p.name(), p.wallMs(), p.cpuMs())).toList());
    }

    /** Rows that pass every check and are not yet in the register. */
    public long valid() {
        return rowsRead - rejectedRows - unchanged;
    }

    /** No errors at all: the file can be (or was) imported whole. */
    public boolean ok() {
        return errorCount == 0;
    }

    /** The file as a whole was refused (unreadable, empty, a required column missing …). */
    public boolean fileRejected() {
        return errors.stream().anyMatch(RowError::fileLevel);
    }

    public boolean written() {
        return imported > 0;
    }

    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }

    /** One line for people, in Swedish. */
    public String summary() {
        if (fileRejected()) {
            return "Filen kunde inte importeras. Inget har sparats.";
        }
        String counts = "%d rader lästa: %d giltiga, %d avvisade, %d fanns redan (oförändrade)"
                .formatted(rowsRead, valid(), rejectedRows, unchanged);
        if (identityNumberRows > 0) {
            counts += ", %d med möjligt personnummer i fritext (varning)".formatted(identityNumberRows);
        }
        String outcome;
        if (dryRun) {
            outcome = "Provkörning: inget har sparats.";
        } else if (imported > 0) {
            outcome = imported + " avvikelser importerade." + (rejectedRows > 0 ? " Avvisade rader hoppades över." : "");
        } else if (rejectedRows > 0) {
            outcome = "Inget har sparats eftersom rader avvisades. Rätta felen och importera igen.";
        } else {
            outcome = "Inget nytt att importera.";
        }
        return counts + ". " + outcome;
    }

    /** Writes errors and warnings as CSV for Excel (UTF-8 with BOM, semicolons). */
    public void writeReport(Path target) {
        ImportReport.write(this, target);
    }

    /** Collects a result while the passes run; keeps at most {@value DeviationImporter#MAX_PROBLEMS_KEPT} of each kind. */
    static final class Builder {
        private final String file;
        private final String source;
        private final boolean dryRun;
        private String format = "";
        private long rowsRead;
        private long rejected;
        private long imported;
        private long unchanged;
        private long identityRows;
        private long errorCount;
        private long warningCount;
        private boolean fileErrors;
        private final List<RowError> errors = new ArrayList<>();
        private final List<RowError> warnings = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Phase> phases = new ArrayList<>();

        Builder(String file, String source, boolean dryRun) {
            this.file = file;
            this.source = source;
            this.dryRun = dryRun;
        }

        Builder format(String f) {
            format = f;
            return this;
        }

        Builder note(String n) {
            notes.add(n);
            return this;
        }

        Builder fileError(String reason) {
            fileErrors = true;
            errorCount++;
            errors.add(RowError.file(reason));
            return this;
        }

        void read() {
            rowsRead++;
        }

        void unchanged() {
            unchanged++;
        }

        void row(List<RowError> rowErrors, List<RowError> rowWarnings) {
            if (!rowErrors.isEmpty()) {
                rejected++;
                errorCount += rowErrors.size();
                for (RowError e : rowErrors) {
                    if (errors.size() < DeviationImporter.MAX_PROBLEMS_KEPT) {
                        errors.add(e);
                    }
                }
            }
            if (!rowWarnings.isEmpty()) {
                identityRows++;
                warningCount += rowWarnings.size();
                for (RowError w : rowWarnings) {
                    if (warnings.size() < DeviationImporter.MAX_PROBLEMS_KEPT) {
                        warnings.add(w);
                    }
                }
            }
        }

        void imported(long n) {
            imported = n;
        }

        void phase(Phase p) {
            phases.add(p);
        }

        boolean hasErrors() {
            return errorCount > 0;
        }

        long errorCount() {
            return errorCount;
        }

        boolean hasFileErrors() {
            return fileErrors;
        }

        long valid() {
            return rowsRead - rejected - unchanged;
        }

        ImportResult build() {
            return new ImportResult(file, format, source, dryRun, rowsRead, rejected, imported, unchanged, identityRows,
                    errorCount, errors, warningCount, warnings, notes, phases);
        }
    }
}
