package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.service.ListsService;

/**
 * {@code lists export --out FILE.json} / {@code lists import FILE.json}: the coordinator's lists and rules
 * (verksamhetsområden, categories, causes, measure types, deadline rules, laws with legal references and validity
 * dates, risk-analysis reasons, council types) as one JSON file; an import is validated whole and applied all or
 * nothing, with audit rows.
 */
@Command(name = "lists", mixinStandardHelpOptions = true,
        description = "Listor och regler som en JSON-fil: verksamhetsområden, avvikelsekategorier, orsaker, "
                + "åtgärdstyper, fristregler, lagar och lagrum med giltighetstider, riskanledningar och rådstyper.",
        subcommands = {ListsCommand.Export.class, ListsCommand.Import.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel", "2:felaktig användning", "3:filen avvisades (inget skrevs)"})
public final class ListsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Skriver listor och regler till en JSON-fil.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil (.json).")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
                spec.commandLine().getErr().println("Målfilen måste sluta på .json.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                ctx.lists().exportTo(out);
                spec.commandLine().getOut().println("Listor och regler exporterade till " + out);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Läser in listor och regler från en JSON-fil (från 'lists export'). Filen kontrolleras i sin "
                    + "helhet och läses in helt eller inte alls. Poster som saknas i filen tas bort om inget använder "
                    + "dem, annars avaktiveras de.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isRegularFile(file)) {
                err.println("Filen " + file + " finns inte.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                ListsService.ImportOutcome r = ctx.lists().importFrom(file);
                if (!r.ok()) {
                    r.problems().stream().limit(100).forEach(err::println);
                    err.println("Inget skrevs: rätta filen och läs in den igen.");
                    return ExitCodes.REJECTED;
                }
                PrintWriter out = spec.commandLine().getOut();
                r.changes().forEach(c -> out.println("  " + c));
                out.println(r.changes().isEmpty() ? "Listorna var redan som i filen; inget ändrades."
                        : r.changes().size() + " ändringar inlästa.");
                return ExitCodes.OK;
            }
        }
    }
}
