package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.service.OrgFileService;

/**
 * {@code org export --out FILE.csv|.xlsx} / {@code org import FILE [--dry-run]}: the organisation tree as a file
 * (path, level, verksamhetsområde, provider, active period, external id), matched by external id on import.
 */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = "Organisationsträdet som fil (CSV eller XLSX): Sökväg, Nivå, Verksamhetsområde, Utförare, "
                + "Utförarens namn, Aktiv från, Aktiv till, Externt id.",
        subcommands = {OrgCommand.Export.class, OrgCommand.Import.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel", "2:felaktig användning", "3:filen avvisades (inget skrevs)"})
public final class OrgCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Skriver organisationsträdet till CSV eller XLSX.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil, .csv eller .xlsx.")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".csv") && !name.endsWith(".xlsx")) {
                spec.commandLine().getErr().println("Målfilen måste sluta på .csv eller .xlsx.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                var rows = ctx.orgFile().rows();
                new se.kvalitetshjulet.export.OrgFileExporter().write(rows, out);
                spec.commandLine().getOut().printf("%d enheter exporterade till %s%n", rows.size() - 1, out);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Läser in organisationsträdet från CSV eller XLSX. Enheter matchas på externt id (annars på "
                    + "namn under samma överordnade): de uppdateras i stället för att dubbleras. Allt eller inget.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--dry-run", description = "Visa vad som skulle skapas, flyttas, byta namn eller avslutas, utan att skriva.")
        boolean dryRun;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("Filen " + file + " finns inte.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                OrgFileService.Outcome r = ctx.orgFile().importFile(file, dryRun);
                if (!r.ok()) {
                    r.problems().stream().limit(100).forEach(err::println);
                    err.println("Inget skrevs: rätta filen och läs in den igen.");
                    return ExitCodes.REJECTED;
                }
                PrintWriter out = spec.commandLine().getOut();
                r.changes().forEach(c -> out.println("  " + c.describe()));
                out.printf("%s: %d skapas, %d flyttas, %d byter namn, %d avslutas, %d ändras, %d oförändrade.%n",
                        dryRun ? "Provkörning, inget skrevs" : "Inläst",
                        r.count(OrgFileService.ChangeKind.CREATE), r.count(OrgFileService.ChangeKind.MOVE),
                        r.count(OrgFileService.ChangeKind.RENAME), r.count(OrgFileService.ChangeKind.CLOSE),
                        r.count(OrgFileService.ChangeKind.UPDATE), r.unchanged());
                if (!r.notInFile().isEmpty()) {
                    out.printf("%d enheter i databasen finns inte i filen och lämnas orörda (avsluta dem med Aktiv till):%n",
                            r.notInFile().size());
                    r.notInFile().stream().limit(30).forEach(p -> out.println("  " + p));
                }
                return ExitCodes.OK;
            }
        }
    }
}
