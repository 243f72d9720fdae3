package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.domain.selfcheck.Round;

/**
 * {@code selfcheck create-round --template ID --name NAME --from DATE --to DATE --due DATE --unit UNIT …}: creates a
 * self-check round and sends it to the chosen units (any level, by name or path), one form per unit.
 */
@Command(name = "create-round", mixinStandardHelpOptions = true,
        description = "Skapar en omgång av en egenkontroll och skickar den till de valda enheterna (vilken nivå som "
                + "helst; namn eller sökväg, t.ex. \"Förvaltningen › Enhet Ungdom\"): ett formulär per enhet.")
final class SelfCheckRoundCommand implements Callable<Integer> {
    @Option(names = "--template", required = true, paramLabel = "ID", description = "Mallens id (en viss version).")
    long template;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Omgångens namn.")
    String name;

    @Option(names = "--from", required = true, paramLabel = "ÅÅÅÅ-MM-DD", description = "Periodens första dag.")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "ÅÅÅÅ-MM-DD", description = "Periodens sista dag.")
    LocalDate to;

    @Option(names = "--due", paramLabel = "ÅÅÅÅ-MM-DD", description = "Sista svarsdag (standard: periodens sista dag).")
    LocalDate due;

    @Option(names = "--unit", required = true, paramLabel = "UNIT", description = "En enhet som ska få egenkontrollen; upprepa för flera.")
    List<String> units;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (AppContext ctx = db.open()) {
            if (ctx.selfCheckRepository().findTemplate(template).isEmpty()) {
                err.println("Mallen " + template + " finns inte. Lista mallarna med 'selfcheck export-template'.");
                return ExitCodes.USAGE;
            }
            UnitLookup lookup = new UnitLookup(ctx.organisation().tree());
            List<Long> ids = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (String u : units) {
                switch (lookup.find(u)) {
                    case UnitLookup.Found f -> ids.add(f.unitId());
                    case UnitLookup.Ambiguous a -> problems.add("Enheten \"" + u + "\" är tvetydig; skriv sökvägen: "
                            + String.join(" | ", a.paths()));
                    case UnitLookup.Missing m -> problems.add("Enheten \"" + u + "\" finns inte"
                            + (m.sameName().isEmpty() ? "." : "; menade du " + String.join(" | ", m.sameName()) + "?"));
                }
            }
            if (!problems.isEmpty()) {
                problems.forEach(err::println);
                err.println("Ingen omgång skapades.");
                return ExitCodes.REJECTED;
            }
            var r = ctx.selfChecks().createRound(new Round(null, name, template, from, to, due == null ? to : due, null,
                    null), ids);
            if (!r.ok()) {
                ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                r.problems().forEach(p -> err.println(se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv"))
                        .message(b.getString(p.messageKey()), Locale.of("sv"), p.args())));
                err.println("Ingen omgång skapades.");
                return ExitCodes.REJECTED;
            }
            spec.commandLine().getOut().printf("Omgången \"%s\" (id %d) skickades till %d enheter.%n", name, r.value().id(),
                    ids.stream().distinct().count());
            return ExitCodes.OK;
        }
    }
}
