package se.kvalitetshjulet.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.data.repo.TextIndexRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * {@code check --db PATH [--rebuild-aggregates]}: opens (and if needed upgrades) a database, tells what it holds and
 * whether the roll-up aggregates (decision 0021) equal a full recount; with the option they are rebuilt and verified.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Öppnar databasen, uppgraderar den vid behov (med säkerhetskopia), gör SQLites fullständiga "
                + "integritetskontroll och visar vad den innehåller.")
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    DbOption db;

    @Option(names = "--rebuild-aggregates",
            description = "Bygg om diagrammens sammanställningar och registrets fritextindex från avvikelserna och "
                    + "kontrollera dem mot en full omräkning.")
    boolean rebuildAggregates;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (AppContext ctx = rebuildAggregates ? db.open() : db.openForReading()) {
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
            return aggregates(ctx, out);
        }
    }

    private int aggregates(AppContext ctx, java.io.PrintWriter out) {
        RollupRepository rollups = new RollupRepository(ctx.database(), ctx.audit());
        if (!rollups.kept()) {
            out.println("Sammanställningar: inga på en PostgreSQL-server, diagrammen räknas i grundtabellerna"
                    + " (radsäkerheten avgör vad var och en får räkna).");
            return ExitCodes.OK;
        }
        if (!rebuildAggregates) {
            TextIndexRepository.Check index = new TextIndexRepository(ctx.database()).verify();
            out.printf(index.exact() ? "Fritextindex: stämmer med registret (%s)%n"
                    : "Fritextindex: stämmer INTE med registret (%s). Kör check --rebuild-aggregates för att bygga om det.%n",
                    TextIndexRepository.describe(index));
            RollupRepository.Verification v = rollups.verify();
            if (v.exact()) {
                out.printf("Sammanställningar: stämmer med en full omräkning (%d rader i %d tabeller)%n", v.rows(),
                        v.tables().size());
            } else {
                out.printf("Sammanställningar: %d rader skiljer sig från en full omräkning. Kör check --rebuild-aggregates "
                        + "för att bygga om dem.%n", v.differences());
            }
            return ExitCodes.OK;
        }
        RollupRepository.Verification before = rollups.rebuild();
        RollupRepository.Verification after = rollups.verify();
        TextIndexRepository.Check index = new TextIndexRepository(ctx.database()).verify();
        out.printf("Fritextindex ombyggt: %s (%s)%n", index.exact() ? "stämmer med registret" : "STÄMMER INTE",
                TextIndexRepository.describe(index));
        out.printf("Sammanställningar före ombyggnaden: %s%n", before.exact() ? "stämde med en full omräkning"
                : before.differences() + " rader skilde sig från en full omräkning");
        out.printf("Sammanställningar ombyggda: %s (%d rader i %d tabeller)%n",
                after.exact() ? "stämmer med en full omräkning" : "STÄMMER INTE", after.rows(), after.tables().size());
        return after.exact() && index.exact() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
