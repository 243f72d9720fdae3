package se.kvalitetshjulet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.MappingRepository;
import se.kvalitetshjulet.service.imports.DeviationImporter;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportOptions;
import se.kvalitetshjulet.service.imports.ImportResult;

/**
 * {@code import deviations FILE [--mapping NAME|FILE] [--dry-run] [--source NAME] [--report FILE] --db PATH}:
 * imports another system's export, all or nothing. Exit 0 when imported (or nothing new), 3 when
 * the file or any row was rejected (nothing written), 2 for wrong usage.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Importerar avvikelser från ett annat systems export (CSV eller XLSX).",
                "Allt eller inget: avvisas en rad sparas ingenting. Rader som redan importerats från samma källa "
                        + "(samma externa id) lämnas orörda, så samma fil kan importeras igen utan dubbletter."},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:importerat (eller inget nytt att importera)", "2:felaktig användning",
                "3:filen eller rader avvisades (inget sparades)"})
public final class ImportCommand implements Callable<Integer> {
    /** Errors printed on the terminal; the rest are in the report. */
    static final int ERRORS_SHOWN = 50;

    @Parameters(index = "0", paramLabel = "WHAT", description = "Vad som importeras: deviations.")
    String what;

    @Parameters(index = "1", paramLabel = "FILE", description = "Filen att importera: .csv (UTF-8 eller Windows-1252, "
            + "semikolon eller komma) eller .xlsx (första bladet).")
    Path file;

    @Option(names = "--mapping", paramLabel = "NAME|FILE", description = "En sparad mappning (namn) eller en "
            + "mappningsfil (JSON). Utan mappning känns kolumnerna igen på rubrikerna.")
    String mapping;

    @Option(names = "--dry-run", description = "Kontrollera bara filen; ingenting sparas.")
    boolean dryRun;

    @Option(names = "--source", paramLabel = "NAME", description = "Källsystemets namn (standard: mappningens källa, "
            + "annars filens namn utan ändelse). Raderna känns igen på källa och externt id.")
    String source;

    @Option(names = "--report", paramLabel = "FILE", description = "Spara felrapporten (rad, kolumn, värde, orsak) som "
            + "CSV för Excel.")
    Path report;

    @Option(names = "--skip-invalid", description = "Importera de giltiga raderna även om andra rader avvisas "
            + "(i stället för allt eller inget).")
    boolean skipInvalid;

    @Option(names = "--save-mapping", paramLabel = "NAME", description = "Spara mappningen som användes under det här "
            + "namnet, så att den kan väljas med --mapping NAME eller i programmet.")
    String saveMapping;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"deviations".equals(what)) {
            err.println("Okänt importobjekt '" + what + "'. Använd: import deviations FIL [--mapping NAMN|FIL] [--dry-run]");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("Filen " + file + " finns inte. Kontrollera sökvägen.");
            return ExitCodes.USAGE;
        }
        try (AppContext ctx = db.open()) {
            MappingRepository mappings = new MappingRepository(ctx.database(), ctx.audit());
            DeviationImporter importer = ctx.deviationImporter();
            ImportMapping m;
            if (mapping != null) {
                Optional<ImportMapping> found;
                try {
                    found = mapping(mappings);
                } catch (IllegalArgumentException | IOException e) {
                    err.println("Mappningen " + mapping + " kunde inte läsas: " + e.getMessage());
                    return ExitCodes.USAGE;
                }
                if (found.isEmpty()) {
                    List<String> names = mappings.names();
                    err.println("Mappningen '" + mapping + "' finns varken som fil eller som sparad mappning. "
                            + (names.isEmpty() ? "Det finns inga sparade mappningar."
                            : "Sparade mappningar: " + String.join(", ", names) + "."));
                    return ExitCodes.USAGE;
                }
                m = found.get();
            } else {
                try {
                    m = ImportMapping.guess(importer.open(file).headers());
                } catch (ImportFileException e) {
                    m = ImportMapping.empty();
                }
            }
            String src = source != null ? source : m.source() != null ? m.source() : baseName(file);
            if (saveMapping != null) {
                mappings.save(saveMapping, m.withSource(src).toJson());
                out.println("Mappningen sparades som '" + saveMapping.strip() + "'.");
            }

            ImportResult r = importer.run(file, m, new ImportOptions(src, dryRun, skipInvalid), (p, s) -> { }, () -> false);

            out.printf("Fil: %s%s%n", file.getFileName(), r.format().isEmpty() ? "" : " (" + r.format() + ")");
            out.printf("Källa: %s%n", src);
            for (String note : r.notes()) {
                out.println(note);
            }
            out.println(r.summary());
            if (!r.errors().isEmpty()) {
                err.printf("%d fel%s:%n", r.errorCount(), r.errorCount() > ERRORS_SHOWN ? " (de första " + ERRORS_SHOWN
                        + " visas)" : "");
                r.errors().stream().limit(ERRORS_SHOWN).forEach(e -> err.println("  " + e.describe()));
                if (r.errorCount() > ERRORS_SHOWN) {
                    err.println("  … och " + (r.errorCount() - ERRORS_SHOWN) + " fel till"
                            + (report == null ? ". Spara hela listan med --report FIL." : " i rapporten."));
                }
            }
            if (!r.warnings().isEmpty()) {
                out.printf("%d varningar (raderna importeras ändå):%n", r.warningCount());
                r.warnings().stream().limit(10).forEach(w -> out.println("  " + w.describe()));
                if (r.warningCount() > 10) {
                    out.println("  … och " + (r.warningCount() - 10) + " till" + (report == null
                            ? ". Spara hela listan med --report FIL." : " i rapporten."));
                }
            }
            if (report != null) {
                r.writeReport(report);
                out.println("Felrapporten sparades i " + report + ".");
            }
            boolean rejected = r.fileRejected() || (!r.ok() && !skipInvalid);
            return rejected ? ExitCodes.REJECTED : ExitCodes.OK;
        }
    }

    private Optional<ImportMapping> mapping(MappingRepository mappings) throws IOException {
        Path p;
        try {
            p = Path.of(mapping);
        } catch (java.nio.file.InvalidPathException e) {
            p = null;
        }
        if (p != null && Files.isRegularFile(p)) {
            return Optional.of(ImportMapping.fromJson(Files.readString(p, StandardCharsets.UTF_8).replace("\uFEFF", "")));
        }
        return mappings.find(mapping).map(ImportMapping::fromJson);
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
