package se.kvalitetshjulet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.selfcheck.Handover.ConflictChoice;
import se.kvalitetshjulet.domain.selfcheck.Handover.ImportOutcome;
import se.kvalitetshjulet.service.SelfCheckHandoverService;

/**
 * {@code selfcheck export-template | import-template | compile}: templates shared between municipalities as JSON
 * and a round's compilation as XLSX; {@code selfcheck export-form | open-form | export-answers | import-answers}:
 * hand-over of self-checks by file between the coordinator's database and a section chief's own. Exit 0 when
 * done, 2 for wrong usage (unknown round or unit), 3 when a file was refused or a conflict was
 * left unresolved (nothing written for that file).
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Egenkontroller: mallar som JSON, sammanställning som Excel, och formulärfiler till "
                + "sektionschefer med svarsfiler tillbaka.",
        subcommands = {SelfCheckCommand.ExportTemplate.class, SelfCheckCommand.ImportTemplate.class,
                SelfCheckCommand.Compile.class, SelfCheckCommand.ExportForm.class, SelfCheckCommand.OpenForm.class,
                SelfCheckCommand.ExportAnswers.class, SelfCheckCommand.ImportAnswers.class, SelfCheckRoundCommand.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel", "2:felaktig användning", "3:filen avvisades (inget skrevs)"})
public final class SelfCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "export-template", mixinStandardHelpOptions = true,
            description = "Exporterar en mall för egenkontroll som en JSON-fil som andra kommuner kan läsa in. "
                    + "Utan --template listas mallarna.")
    static final class ExportTemplate implements Callable<Integer> {
        @Option(names = "--template", paramLabel = "ID", description = "Mallens id (en viss version).")
        Long template;

        @Option(names = "--out", paramLabel = "FILE", description = "Målfil (.json).")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (AppContext ctx = db.open()) {
                if (template == null || out == null) {
                    err.println("Ange --template ID och --out FILE. Mallar i databasen:");
                    ctx.selfChecks().templates().forEach(t -> err.printf("  %d  %s (version %d)%n", t.id(), t.name(),
                            t.version()));
                    return ExitCodes.USAGE;
                }
                if (ctx.selfCheckRepository().findTemplate(template).isEmpty()) {
                    err.println("Mallen " + template + " finns inte.");
                    return ExitCodes.USAGE;
                }
                ctx.selfChecks().exportTemplate(template, out);
                spec.commandLine().getOut().printf("Mallen skrevs till %s%n", out);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import-template", mixinStandardHelpOptions = true,
            description = "Läser in en mall för egenkontroll från en JSON-fil (som en ny mall).")
    static final class ImportTemplate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Mallfilen (.json).")
        Path file;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ResourceBundle sv = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            PrintWriter err = spec.commandLine().getErr();
            try (AppContext ctx = db.open()) {
                var r = ctx.selfChecks().importTemplateChecked(file);
                if (!r.ok()) {
                    // Under "refuse" for self-checks: nothing is stored; the findings per question, kinds only.
                    err.println("Mallen avvisades: den innehåller uppgifter som kan identifiera en person, och "
                            + "integritetsinställningen för egenkontroller nekar sådana uppgifter. Inget har lästs in:");
                    r.problems().forEach(p -> err.println("  • "
                            + se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv")).message(sv.getString(p.messageKey()), Locale.of("sv"), p.args())));
                    return ExitCodes.REJECTED;
                }
                se.kvalitetshjulet.domain.selfcheck.Template t = r.value().template();
                spec.commandLine().getOut().printf("Mallen \"%s\" lästes in (id %d, version %d, %d frågor).%n", t.name(),
                        t.id(), t.version(), t.questions().count());
                if (!r.value().findings().isEmpty()) {
                    err.println("Varning: mallen innehåller det som ser ut som uppgifter om personer. Granska frågorna:");
                    r.value().findings().forEach(p -> err.println("  • "
                            + se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv")).message(sv.getString(p.messageKey()), Locale.of("sv"), p.args())));
                }
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REJECTED;
            }
        }
    }

    @Command(name = "compile", mixinStandardHelpOptions = true,
            description = "Sammanställer en omgång till en Excel-fil: per fråga, per enhet med följsamhet, per "
                    + "verksamhetsområde, Bilaga 2 och jämförelse med föregående omgång av samma mall.")
    static final class Compile implements Callable<Integer> {
        @Option(names = "--round", required = true, paramLabel = "ID", description = "Omgångens id.")
        long round;

        @Option(names = "--compare-with", paramLabel = "ID",
                description = "Omgången att jämföra med (standard: föregående omgång av samma mall).")
        Long compareWith;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil (.xlsx).")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                err.println("Filen måste sluta på .xlsx: " + out.getFileName());
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                if (ctx.selfCheckRepository().findRound(round).isEmpty()) {
                    err.println("Omgången " + round + " finns inte.");
                    return ExitCodes.USAGE;
                }
                try {
                    var compilation = ctx.selfChecks().compile(round);
                    Long previous = compareWith != null ? compareWith
                            : ctx.selfChecks().previousRound(round).map(se.kvalitetshjulet.domain.selfcheck.Round::id)
                                    .orElse(null);
                    var comparison = previous == null ? null : ctx.selfChecks().compare(round, previous);
                    ctx.selfCheckExporter().export(compilation, comparison, out);
                    spec.commandLine().getOut().printf("Sammanställningen av %s skrevs till %s%s%n",
                            compilation.round().name(), out, comparison == null ? ""
                                    : " (jämförd med " + ctx.selfChecks().round(previous).name() + ")");
                    PlainFileNotice.warn(err, ctx, out);
                    return ExitCodes.OK;
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return ExitCodes.USAGE;
                }
            }
        }
    }

    @Command(name = "export-form", mixinStandardHelpOptions = true,
            description = "Exporterar en enhets formulär i en omgång som en fil (.kvh-egenkontroll), "
                    + "eller alla enheters formulär till en mapp med --all.")
    static final class ExportForm implements Callable<Integer> {
        @Option(names = "--round", required = true, paramLabel = "ID", description = "Omgångens id.")
        long round;

        @Option(names = "--unit", paramLabel = "ID", description = "Enhetens id (krävs utan --all).")
        Long unit;

        @Option(names = "--all", description = "Alla enheters formulär; --out är då en mapp.")
        boolean all;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil (eller mapp med --all).")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!all && unit == null) {
                err.println("Ange --unit ID eller --all.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                if (ctx.selfCheckRepository().findRound(round).isEmpty()) {
                    err.println("Omgången " + round + " finns inte.");
                    return ExitCodes.USAGE;
                }
                try {
                    if (all) {
                        List<Path> files = ctx.selfCheckHandover().exportAllForms(round, out);
                        spec.commandLine().getOut().printf("%d formulärfiler skrevs till %s%n", files.size(), out);
                    } else {
                        ctx.selfCheckHandover().exportForm(round, unit, out);
                        spec.commandLine().getOut().printf("Formuläret skrevs till %s%n", out);
                    }
                    return ExitCodes.OK;
                } catch (IllegalArgumentException e) {
                    err.println(e.getMessage());
                    return ExitCodes.USAGE;
                }
            }
        }
    }

    @Command(name = "open-form", mixinStandardHelpOptions = true,
            description = "Öppnar en formulärfil i den här databasen (skapar omgången, mallversionen och enheten). "
                    + "Samma fil två gånger ändrar ingenting.")
    static final class OpenForm implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "Formulärfilen (.kvh-egenkontroll).")
        Path file;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                SelfCheckHandoverService.Opened o = ctx.selfCheckHandover().openForm(file);
                String what = switch (o.outcome()) {
                    case CREATED -> "Formuläret öppnades";
                    case UPDATED -> "Formuläret var redan öppnat och uppdaterades";
                    case UNCHANGED -> "Formuläret var redan öppnat; inget ändrades";
                    case ORIGINAL -> "Omgången skapades i den här databasen; inget ändrades";
                };
                spec.commandLine().getOut().printf("%s: omgång ”%s” (id %d), enhet ”%s” (id %d), egenkontroll %d%n",
                        what, o.roundName(), o.roundId(), o.unitName(), o.unitId(), o.responseId());
                return ExitCodes.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.REJECTED;
            }
        }
    }

    @Command(name = "export-answers", mixinStandardHelpOptions = true,
            description = "Exporterar en enhets svar i en omgång som en svarsfil (.kvh-svar) till samordnaren.")
    static final class ExportAnswers implements Callable<Integer> {
        @Option(names = "--round", paramLabel = "ID", description = "Omgångens id i den här databasen.")
        Long round;

        @Option(names = "--round-uid", paramLabel = "UID", description = "Omgångens uid (samma i alla databaser).")
        String roundUid;

        @Option(names = "--unit", required = true, paramLabel = "ID",
                description = "Enhetens id i den här databasen (eller i samordnarens databas).")
        long unit;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil.")
        Path out;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if ((round == null) == (roundUid == null)) {
                err.println("Ange antingen --round ID eller --round-uid UID.");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                Optional<Long> roundId = round != null
                        ? ctx.selfCheckRepository().findRound(round).map(r -> r.id())
                        : ctx.selfCheckHandover().roundByUid(roundUid);
                if (roundId.isEmpty()) {
                    err.println("Omgången " + (round != null ? round : roundUid) + " finns inte i databasen.");
                    return ExitCodes.USAGE;
                }
                Optional<Long> response = ctx.selfCheckHandover().responseFor(roundId.get(), unit);
                if (response.isEmpty()) {
                    err.println("Enheten " + unit + " ingår inte i omgången.");
                    return ExitCodes.USAGE;
                }
                ctx.selfCheckHandover().exportAnswers(response.get(), out);
                spec.commandLine().getOut().printf("Svaren skrevs till %s%n", out);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "import-answers", mixinStandardHelpOptions = true,
            description = {"Läser in svarsfiler från sektionscheferna.",
                    "Har enheten redan andra svar avgör --on-conflict: keep (behåll befintliga) eller replace (använd filen); "
                            + "utan --on-conflict lämnas enheten orörd och slutkoden blir 3. Samma fil två gånger ändrar ingenting."})
    static final class ImportAnswers implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Svarsfiler (.kvh-svar).")
        List<Path> files;

        @Option(names = "--on-conflict", paramLabel = "keep|replace",
                description = "Vad som gäller när enheten redan har andra svar.")
        String onConflict;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ConflictChoice choice = null;
            if (onConflict != null) {
                choice = switch (onConflict.toLowerCase(Locale.ROOT)) {
                    case "keep" -> ConflictChoice.KEEP_EXISTING;
                    case "replace" -> ConflictChoice.USE_FILE;
                    default -> null;
                };
                if (choice == null) {
                    err.println("Okänt värde för --on-conflict: " + onConflict + ". Använd keep eller replace.");
                    return ExitCodes.USAGE;
                }
            }
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    err.println("Filen " + f + " finns inte.");
                    return ExitCodes.USAGE;
                }
            }
            ResourceBundle sv = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            boolean refused = false;
            try (AppContext ctx = db.open()) {
                for (Path f : files) {
                    SelfCheckHandoverService.AnswerImport r = ctx.selfCheckHandover().importAnswers(f, choice);
                    String unit = r.unitName() == null ? "" : r.unitName();
                    String line = switch (r.outcome()) {
                        case IMPORTED -> "svaren för " + unit + " lästes in.";
                        case REPLACED -> "svaren för " + unit + " ersattes med svaren i filen.";
                        case KEPT_EXISTING -> "de befintliga svaren för " + unit + " behölls.";
                        case UNCHANGED -> "svaren för " + unit + " var redan desamma; inget ändrades.";
                        case ALREADY_IMPORTED -> "filen är redan inläst; inget ändrades.";
                        case CONFLICT -> "enheten " + unit + " har redan andra svar. Ange --on-conflict keep eller "
                                + "replace; inget ändrades.";
                        case REJECTED -> "avvisades. " + r.message();
                    };
                    boolean bad = r.outcome() == ImportOutcome.REJECTED || r.outcome() == ImportOutcome.CONFLICT;
                    refused |= bad;
                    (bad ? err : out).println(f.getFileName() + ": " + line);
                    if (!bad && r.message() != null) {
                        out.println("  " + r.message());
                    }
                    for (Problem p : r.problems()) {
                        err.println("  • " + se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv")).message(sv.getString(p.messageKey()), Locale.of("sv"), p.args()));
                    }
                }
            }
            return refused ? ExitCodes.REJECTED : ExitCodes.OK;
        }
    }
}
