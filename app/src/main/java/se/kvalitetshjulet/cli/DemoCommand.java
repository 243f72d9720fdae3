package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.service.demo.DemoDataService;

/** {@code demo --db PATH [--seed S] [--deviations N]}: a fictional municipality with three years of data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Skapar en demodatabas med en påhittad kommun (samma frö ger samma data).")
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    DbOption db;

    @Option(names = "--seed", defaultValue = "42", description = "Frö för slumpgeneratorn (standard ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--deviations", paramLabel = "N",
            description = "Lägg dessutom till N syntetiska avvikelser (för lasttester, t.ex. 1000000).")
    Long bulk;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (AppContext ctx = db.open()) {
            DemoDataService demo = ctx.demoData();
            LocalDate today = ctx.today();
            long before = ctx.deviations().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all(), today);
            if (ctx.units().findAll().isEmpty()) {
                DemoDataService.Summary s = demo.generate(seed, today, p -> { });
                out.printf("Demodata skapad i %s: %d enheter, %d avvikelser.%n", ctx.database().describe(), s.units(),
                        s.deviations());
            } else if (bulk == null) {
                spec.commandLine().getErr().println("Databasen " + ctx.database().describe()
                        + " innehåller redan data; demodata skapas bara i en tom databas. Välj en ny fil med --db.");
                return ExitCodes.REJECTED;
            }
            if (bulk != null) {
                long n = demo.addBulkDeviations(seed, bulk, today, p -> { });
                out.printf("%d syntetiska avvikelser tillagda (totalt %d).%n", n,
                        ctx.deviations().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all(), today));
            }
            return before >= 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
