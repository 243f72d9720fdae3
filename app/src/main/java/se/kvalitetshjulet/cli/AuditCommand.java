package se.kvalitetshjulet.cli;

import se.kvalitetshjulet.domain.audit.AuditVerification;
import se.kvalitetshjulet.domain.audit.AuditBreak;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.AuditTrail;

/** {@code audit verify --db PATH}: checks the audit trail's hash chain (decision 0008). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Ändringsloggen.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Walks every audit row and recomputes the hash chain: 0 when intact, 3 with each broken row when a row was
     * edited, added or deleted outside the application (nothing is written either way).
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Kontrollerar att ändringsloggen är hel och obruten (hashkedja över alla rader). "
                    + "Slutkod 3 och de brutna raderna om något har ändrats eller tagits bort utanför programmet.")
    public static final class Verify implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                AuditVerification v = ctx.audit().verify();
                var out = spec.commandLine().getOut();
                if (v.intact()) {
                    out.printf("Ändringsloggen är hel: %d rader, kedjan obruten%s.%n", v.rows(),
                            v.purged() > 0 ? " (" + v.purged() + " rader gallrade på fritext)" : "");
                    return ExitCodes.OK;
                }
                var err = spec.commandLine().getErr();
                err.printf("Ändringsloggen är bruten: %d fel i %d rader.%n", v.breaks().size(), v.rows());
                for (AuditBreak b : v.breaks()) {
                    err.printf(b.id() == 0 ? "  slutpunkten: %2$s%n" : "  rad %d: %s%n", b.id(), b.problem());
                }
                err.println("Jämför med en säkerhetskopia för att se vad som ändrats; databasen har inte rörts.");
                return ExitCodes.REJECTED;
            }
        }
    }
}
