package se.kvalitetshjulet.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/** {@code check --db PATH}: opens (and if needed upgrades) a database and tells what it holds. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Öppnar databasen, uppgraderar den vid behov (med säkerhetskopia), gör SQLites fullständiga "
                + "integritetskontroll och visar vad den innehåller.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (AppContext ctx = db.openForReading()) {
            var out = spec.commandLine().getOut();
            out.printf("Databas: %s%s%s%n", ctx.database().describe(), ctx.settings().isDemo() ? " (DEMO)" : "",
                    ctx.database().readOnly() ? " (skrivskyddad: bara läsning)" : "");
            java.util.List<String> problems = ctx.database().integrityCheck();
            if (!problems.isEmpty()) {
                org.slf4j.LoggerFactory.getLogger(CheckCommand.class).warn("integrity_check of {}: {}",
                        ctx.database().file(), problems);
                throw se.kvalitetshjulet.data.DatabaseProblems.damagedRefusal(ctx.database().file(),
                        "den fullständiga integritetskontrollen hittade " + problems.size()
                                + (problems.size() >= 20 ? " eller fler" : "") + " fel", null);
            }
            out.println("Integritetskontroll: inga fel");
            out.printf("Enheter: %d%n", ctx.units().findAll().size());
            out.printf("Avvikelser: %d%n", ctx.deviations().count(DeviationFilter.all(), ctx.today()));
            out.printf("Ändringsloggen: %d rader%n", ctx.audit().count());
            return ExitCodes.OK;
        }
    }
}
