package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.KoladaOu;
import se.kvalitetshjulet.domain.keyfigure.OuLink;
import se.kvalitetshjulet.domain.keyfigure.UnitMeasure;
import se.kvalitetshjulet.domain.keyfigure.ValueSeries;
import se.kvalitetshjulet.domain.keyfigure.Verdict;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.service.keyfigure.UnitKeyFigureService;

/**
 * Key figures per unit (decision 0019): {@code keyfigures ou list|link|unlink|import|suggest} links Kolada's
 * organisational units to ours, {@code keyfigures link-kpi MEASURE KPI} sets the Kolada KPI an own measure is set beside,
 * and {@code keyfigures unit UNIT} prints a unit's measures over the years and beside the municipalities.
 */
final class KeyFiguresUnitCommands {
    private KeyFiguresUnitCommands() {
    }

    @Command(name = "ou", mixinStandardHelpOptions = true,
            description = "Kopplar Koladas organisatoriska enheter (ou) till våra enheter.",
            subcommands = {OuList.class, OuLinkCmd.class, OuUnlink.class, OuImport.class, OuSuggest.class})
    static final class Ou implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Visar Koladas enheter och vilka av våra de är.")
    static final class OuList implements Callable<Integer> {
        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                UnitKeyFigureService u = ctx.unitKeyFigures();
                PrintWriter out = spec.commandLine().getOut();
                List<OuLink> links = u.ouLinks();
                for (OuLink l : links) {
                    out.println(l.ouCode() + "\t" + (l.ouTitle() == null ? "(namn okänt)" : l.ouTitle()) + "\t→ " + l.unit());
                }
                int unlinked = 0;
                for (KoladaOu o : u.ous()) {
                    if (links.stream().noneMatch(l -> l.ouCode().equals(o.code()))) {
                        out.println(o.code() + "\t" + (o.title() == null ? "(namn okänt)" : o.title()) + "\t(inte kopplad)");
                        unlinked++;
                    }
                }
                out.println(links.size() + " kopplade, " + unlinked + " inte kopplade.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true, description = "Kopplar en enhet i Kolada till vår enhet.")
    static final class OuLinkCmd implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OU", description = "Koladas id för enheten, t.ex. V15E128000101.")
        String ou;

        @Parameters(index = "1", paramLabel = "UNIT", description = "Vår enhet, med namn eller sökväg.")
        String unit;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                Long id = unitId(ctx, unit, spec);
                if (id == null) {
                    return ExitCodes.USAGE;
                }
                var r = ctx.unitKeyFigures().linkOu(ou, id);
                if (!r.ok()) {
                    spec.commandLine().getErr().println("Kolada-id '" + ou + "' är inte giltigt: bokstäver och siffror, "
                            + "t.ex. V15E128000101.");
                    return ExitCodes.USAGE;
                }
                spec.commandLine().getOut().println(Boolean.TRUE.equals(r.value()) ? ou + " är nu " + unit + "."
                        : ou + " var redan kopplad till " + unit + ".");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true, description = "Tar bort kopplingen för en enhet i Kolada.")
    static final class OuUnlink implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "OU")
        String ou;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                boolean done = ctx.unitKeyFigures().unlinkOu(ou);
                spec.commandLine().getOut().println(done ? ou + " är inte längre kopplad." : ou + " var inte kopplad.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Läser kopplingar från CSV/XLSX med kolumnerna Kolada-id;Enhet, allt eller inget.")
    static final class OuImport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--dry-run", description = "Kontrollerar och räknar utan att skriva.")
        boolean dryRun;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("Filen " + file + " finns inte.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                var r = ctx.unitKeyFigures().importOuLinks(file, dryRun);
                if (!r.ok()) {
                    return KeyFiguresCommand.rejected(spec, r.errors());
                }
                spec.commandLine().getOut().println((dryRun ? "Provläsning: " : "") + r.rows() + " rader, " + r.linked()
                        + (dryRun ? " skulle kopplas, " : " kopplade, ") + r.unchanged() + " oförändrade.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Föreslår kopplingar där Koladas namn är namnet på en av våra enheter; --apply kopplar dem.")
    static final class OuSuggest implements Callable<Integer> {
        @Option(names = "--apply", description = "Kopplar förslagen.")
        boolean apply;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                List<OuLink> s = ctx.unitKeyFigures().suggestions();
                for (OuLink l : s) {
                    spec.commandLine().getOut().println(l.ouCode() + "\t" + l.ouTitle() + "\t→ " + l.unit());
                    if (apply) {
                        ctx.unitKeyFigures().linkOu(l.ouCode(), l.unitId());
                    }
                }
                spec.commandLine().getOut().println(s.size() + (apply ? " kopplade." : " förslag (kör med --apply för att koppla)."));
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "link-kpi", mixinStandardHelpOptions = true,
            description = "Sätter vilket nyckeltal i Kolada ett eget mått per enhet jämförs med: MEASURE är "
                    + "survey:FRÅGEKOD, own:KOD eller followup:PLAN_EXISTS|PLAN_UP_TO_DATE|MEETS_DECISION|WISHES_FOLLOWED_UP.")
    static final class LinkKpi implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MEASURE")
        String measure;

        @Parameters(index = "1", arity = "0..1", paramLabel = "KPI")
        String kpi;

        @Option(names = "--none", description = "Tar bort kopplingen.")
        boolean none;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((kpi == null) != none) {
                spec.commandLine().getErr().println("Ange antingen ett nyckeltal (t.ex. U21468) eller --none.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                var r = ctx.unitKeyFigures().setLinkedKpi(measure, none ? null : kpi);
                if (!r.ok()) {
                    spec.commandLine().getErr().println(UnitMeasure.kindOf(measure).isEmpty()
                            ? "Måttet '" + measure + "' ska vara survey:FRÅGEKOD, own:KOD eller followup:MÅTT."
                            : "Nyckeltalet " + kpi + " finns inte i katalogen. Sök med 'keyfigures search'.");
                    return ExitCodes.USAGE;
                }
                spec.commandLine().getOut().println(none ? measure + " jämförs inte längre med något nyckeltal."
                        : measure + " jämförs med " + kpi.toUpperCase(Locale.ROOT) + ".");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "unit", mixinStandardHelpOptions = true,
            description = "Visar en enhets mått över åren och bredvid kommunen och jämförelsekommunerna, med intervall.")
    static final class Unit implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "UNIT", description = "Enheten, med namn eller sökväg.")
        String unit;

        @Option(names = "--measure", paramLabel = "KEY", description = "Bara ett mått, t.ex. survey:HT-HELHET.")
        String measure;

        @Option(names = "--year", paramLabel = "YYYY", description = "Jämförelseåret (standard: enhetens senaste).")
        Integer year;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                Long id = unitId(ctx, unit, spec);
                if (id == null) {
                    return ExitCodes.USAGE;
                }
                UnitKeyFigureService u = ctx.unitKeyFigures();
                List<UnitMeasure> ms = u.measures(id).stream().filter(m -> measure == null || m.key().equals(measure)).toList();
                if (ms.isEmpty()) {
                    spec.commandLine().getErr().println(measure == null ? "Enheten har inga nyckeltal ännu."
                            : "Enheten har inget mått " + measure + ". Mått: " + String.join(", ",
                            u.measures(id).stream().map(UnitMeasure::key).toList()));
                    return ExitCodes.USAGE;
                }
                PrintWriter out = spec.commandLine().getOut();
                for (UnitMeasure m : ms) {
                    out.println(m.label() + " [" + m.key() + "]");
                    ValueSeries s = u.series(id, m);
                    for (int i = 0; i < s.periods().size(); i++) {
                        out.println("  " + s.periods().get(i) + ": " + text(s.values().get(i)));
                    }
                    List<Integer> ys = u.years(id, m);
                    if (ys.isEmpty() || u.linkedKpi(m).isEmpty()) {
                        continue;
                    }
                    int y = year != null ? year : ys.getLast();
                    var c = u.compare(id, m, y);
                    out.println("  Bredvid " + (c.kpi() == null ? u.linkedKpi(m).get() : c.kpi().title() + " (" + c.kpi().id()
                            + ")") + ", " + y + ":");
                    for (ComparisonRow r : c.rows()) {
                        out.println("    " + r.value().label() + ": " + text(r.value()) + (r.own() ? " (enheten)"
                                : " – " + verdict(r.againstOwn())));
                    }
                    if (!c.note().isBlank()) {
                        out.println("  " + c.note());
                    }
                }
                out.println("Intervall: Wilson, 95 %. Källa för kommunernas värden: Kolada; bedömningarna är beräknade av "
                        + "Kvalitetshjulet.");
                return ExitCodes.OK;
            }
        }
    }

    static String text(ComparedValue v) {
        if (v.suppressed()) {
            return "för få svarande (" + v.respondents() + ")";
        }
        if (v.value() == null) {
            return "saknas";
        }
        String s = String.format(Locale.ROOT, "%.1f", v.value()).replace('.', ',');
        if (v.interval() != null) {
            s += String.format(Locale.ROOT, " (95 %% KI %.0f–%.0f)", v.interval().lower(), v.interval().upper());
        }
        if (v.respondents() != null) {
            s += "; n = " + v.respondents();
        }
        if (v.responseRate() != null) {
            s += String.format(Locale.ROOT, ", svarsfrekvens %.0f %%", v.responseRate());
        }
        if (v.unweighted()) {
            s += " [ovägt medelvärde]";
        }
        return s;
    }

    static String verdict(Verdict v) {
        return switch (v) {
            case HIGHER -> "högre än enheten – tydlig skillnad";
            case LOWER -> "lägre än enheten – tydlig skillnad";
            case NO_CLEAR_DIFFERENCE -> "ingen säker skillnad";
            case CANNOT_BE_JUDGED -> "kan inte bedömas";
        };
    }

    private static Long unitId(AppContext ctx, String unit, CommandSpec spec) {
        return switch (new UnitLookup(ctx.organisation().tree()).find(unit)) {
            case UnitLookup.Found f -> f.unitId();
            case UnitLookup.Ambiguous a -> {
                spec.commandLine().getErr().println("Flera enheter heter '" + unit + "': " + String.join("; ", a.paths())
                        + ". Skriv hela sökvägen.");
                yield null;
            }
            case UnitLookup.Missing m -> {
                spec.commandLine().getErr().println("Enheten '" + unit + "' finns inte i Organisation.");
                yield null;
            }
        };
    }
}
