package se.kvalitetshjulet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.service.DenominatorImporter;

/** {@code denominators FILE.csv --db PATH}: brukare, vårddygn and besök per unit and month, for rates. */
@Command(name = "denominators", mixinStandardHelpOptions = true,
        description = "Läser in nämnare (brukare, vårddygn, besök per enhet och månad) från CSV: Enhet;År;Månad;Brukare;Vårddygn;Besök.")
public final class DenominatorsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (AppContext ctx = db.open()) {
            DenominatorImporter.Result r = new DenominatorImporter(ctx.database(), ctx.denominators(), ctx.organisation())
                    .importCsv(file);
            if (!r.ok()) {
                r.errors().stream().limit(50).forEach(spec.commandLine().getErr()::println);
                spec.commandLine().getErr().println("Inget skrevs: rätta raderna ovan och läs in filen igen.");
                return ExitCodes.REJECTED;
            }
            spec.commandLine().getOut().printf("%d rader med nämnare inlästa.%n", r.rows());
            return ExitCodes.OK;
        }
    }
}
