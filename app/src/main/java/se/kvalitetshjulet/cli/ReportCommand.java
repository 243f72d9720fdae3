package se.kvalitetshjulet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;

/**
 * {@code report annual --year Y [--unit ID] [--count-by registered|assessed] --format docx|pdf|xlsx --out FILE},
 * {@code report tertial --year Y --tertial 1|2|3 ...} and {@code report board --meeting DATE --year Y [--tertial T] ...}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Skapar kvalitetsberättelse (annual), kvalitetsrapport per tertial (tertial) eller nämndunderlag (board).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KIND", description = "annual, tertial eller board.")
    String kind;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "Rapportår.")
    int year;

    @Option(names = "--tertial", paramLabel = "1|2|3", description = "Tertial (krävs för tertial).")
    Integer tertial;

    @Option(names = "--unit", paramLabel = "ID", description = "Enhet vars delträd rapporten gäller (standard: hela organisationen).")
    Long unit;

    @Option(names = "--format", paramLabel = "docx|pdf|xlsx", description = "Filformat (standard: målfilens ändelse).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Målfil.")
    Path out;

    @Option(names = "--meeting", paramLabel = "YYYY-MM-DD", description = "Sammanträdesdag (för board).")
    String meeting;

    @Option(names = "--include-descriptions",
            description = "Ta med beskrivningar av lex Sarah- och lex Maria-ärenden. Personnummer maskeras alltid.")
    boolean includeDescriptions;

    @Option(names = "--count-by", paramLabel = "registered|assessed",
            description = "Räkna avvikelserna efter registreringsdatum (registered, standard) eller bedömningsdatum"
                    + " (assessed, beslutsdatum som nämnden läser det). Rapporten anger vilket.")
    String countBy;

    @Mixin
    DbOption db;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        ReportKind k = switch (kind.toLowerCase(Locale.ROOT)) {
            case "annual" -> ReportKind.ANNUAL;
            case "tertial" -> ReportKind.TERTIAL;
            case "board" -> ReportKind.BOARD;
            default -> null;
        };
        if (k == null) {
            err.println("Okänd rapport '" + kind + "'. Använd annual, tertial eller board.");
            return ExitCodes.USAGE;
        }
        ReportFormat f = format == null ? ReportFormat.ofFileName(out.getFileName().toString())
                : ReportFormat.ofFileName("x." + format);
        if (f == null) {
            err.println("Ange --format docx, pdf eller xlsx (eller en målfil med den ändelsen).");
            return ExitCodes.USAGE;
        }
        int t = tertial == null ? 0 : tertial;
        if (t < 0 || t > 3 || (k == ReportKind.TERTIAL && t == 0)) {
            err.println("Ange --tertial 1, 2 eller 3.");
            return ExitCodes.USAGE;
        }
        if (k == ReportKind.ANNUAL) {
            t = 0;
        }
        BoardMeeting m = null;
        if (k == ReportKind.BOARD) {
            if (meeting == null) {
                err.println("Ange --meeting ÅÅÅÅ-MM-DD för nämndunderlaget.");
                return ExitCodes.USAGE;
            }
            try {
                m = new BoardMeeting(null, LocalDate.parse(meeting), "", unit);
            } catch (DateTimeParseException e) {
                err.println("Ogiltigt datum: " + meeting);
                return ExitCodes.USAGE;
            }
        }
        se.kvalitetshjulet.domain.report.CountingRule rule = se.kvalitetshjulet.domain.report.CountingRule.REGISTERED;
        if (countBy != null) {
            try {
                rule = se.kvalitetshjulet.domain.report.CountingRule.parse(countBy);
            } catch (IllegalArgumentException e) {
                err.println("Okänt räknesätt '" + countBy + "'. Skriv --count-by registered (registreringsdatum)"
                        + " eller --count-by assessed (bedömningsdatum).");
                return ExitCodes.USAGE;
            }
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            err.println("Mappen för " + out + " finns inte.");
            return ExitCodes.USAGE;
        }
        try (AppContext ctx = db.openForReading()) {
            if (unit != null && ctx.organisation().tree().find(unit).isEmpty()) {
                err.println("Enheten " + unit + " finns inte.");
                return ExitCodes.USAGE;
            }
            ReportService.Request r = new ReportService.Request(k, year, t, unit, includeDescriptions, m, rule);
            if (includeDescriptions) {
                int findings = ctx.reports().descriptionFindings(r, ctx.today()).size();
                if (findings > 0) {
                    err.println("Varning: " + findings + " möjliga personuppgifter (personnummer eller namn) i beskrivningarna."
                            + " Personnummer maskeras; namn måste granskas innan rapporten delas.");
                }
            }
            long start = System.nanoTime();
            ReportModel model = ctx.reports().build(r, ctx.today(), (p, w) -> { }, () -> false);
            // The last check before the file is written (decision 0018): findings by section and kind.
            var findings = ReportService.exportFindings(model);
            if (!findings.isEmpty()) {
                boolean refuse = ctx.reports().privacyRefuses();
                err.println(refuse
                        ? "Rapporten skrevs inte: den innehåller uppgifter som kan identifiera en person, och"
                                + " inställningen för rapporttexter är att vägra. Ta bort uppgifterna och försök igen:"
                        : "Varning: rapporten innehåller uppgifter som kan identifiera en person (personnummer maskeras"
                                + " i filen, namn, telefonnummer och adresser inte). Granska dem innan rapporten delas:");
                var bundle = java.util.ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                        java.util.ResourceBundle.Control.getNoFallbackControl(
                                java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
                for (var x : findings) {
                    err.println("  " + bundle.getString(x.sectionKey()) + ": "
                            + bundle.getString("privacy.q.kind." + x.kind().name()).toLowerCase(Locale.ROOT)
                            + " (" + x.count() + " st)");
                }
                if (refuse) {
                    return ExitCodes.REJECTED;
                }
            }
            // Sections still unwritten get their heading and nothing else — never a placeholder (issue 21).
            var unwritten = se.kvalitetshjulet.export.ReportDocument.unwritten(model,
                    java.util.ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                            java.util.ResourceBundle.Control.getNoFallbackControl(
                                    java.util.ResourceBundle.Control.FORMAT_PROPERTIES)));
            if (!unwritten.isEmpty()) {
                err.println("Obs: " + unwritten.size() + " avsnitt har ingen text än och får bara sin rubrik"
                        + " (skriv dem på skärmen Rapporter under \"Texter i rapporten\"):");
                unwritten.forEach(u -> err.println("  " + u));
            }
            ctx.reportExporter(Locale.of("sv")).write(model, f, out, () -> false);
            spec.commandLine().getOut().printf("Rapporten skrevs till %s (%d ms)%n", out,
                    (System.nanoTime() - start) / 1_000_000);
            PlainFileNotice.warn(err, ctx, out);
            return ExitCodes.OK;
        }
    }
}
