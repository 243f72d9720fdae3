package se.kvalitetshjulet.cli;

import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.data.repo.MappingRepository;
import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;
import se.kvalitetshjulet.service.keyfigure.KeyFigureService;
import se.kvalitetshjulet.service.keyfigure.KoladaClient;
import se.kvalitetshjulet.service.keyfigure.KoladaImporter;
import se.kvalitetshjulet.service.keyfigure.SurveyImporter;
import se.kvalitetshjulet.service.keyfigure.SurveyMapping;

/**
 * {@code keyfigures import kolada|survey|own|followups FILE}, {@code keyfigures fetch}, {@code search}, {@code follow},
 * {@code compare} and {@code show}: key figures from Kolada, the user survey per unit, own key figures and aggregated
 * individual follow-up (decision 0012). Exit 0 when done, 2 for wrong usage, 3 when a file was refused (nothing
 * written), 1 when a fetch failed.
 */
@Command(name = "keyfigures", mixinStandardHelpOptions = true,
        description = "Nyckeltal: Kolada, brukarundersökningen, egna nyckeltal och individuppföljning på aggregerad nivå.",
        subcommands = {KeyFiguresCommand.Import.class, KeyFiguresCommand.Fetch.class, KeyFiguresCommand.Search.class,
                KeyFiguresCommand.Follow.class, KeyFiguresCommand.Compare.class, KeyFiguresCommand.Show.class},
        exitCodeListHeading = "%nSlutkoder:%n",
        exitCodeList = {"0:klart", "1:fel", "2:felaktig användning", "3:filen avvisades (inget skrevs)"})
public final class KeyFiguresCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static int rejected(CommandSpec spec, List<String> errors) {
        PrintWriter err = spec.commandLine().getErr();
        errors.stream().limit(50).forEach(err::println);
        if (errors.size() > 50) {
            err.println("… och " + (errors.size() - 50) + " fel till.");
        }
        err.println("Inget skrevs: rätta filen och läs in den igen.");
        return ExitCodes.REJECTED;
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Läser in nyckeltal från fil.",
            subcommands = {Kolada.class, Survey.class, Own.class, FollowUps.class})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
    }

    @Command(name = "kolada", mixinStandardHelpOptions = true,
            description = {"Läser in en fil sparad från Koladas API v3: värden (data/kpi/…, oudata/kpi/…), "
                    + "nyckeltalskatalogen (kpi) eller kommuner (municipality). Samma fil två gånger ändrar inget."})
    static final class Kolada implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.json")
        Path file;

        @Option(names = "--municipality", paramLabel = "CODE",
                description = "Vår kommuns kod i Kolada (t.ex. 1280); sätts bara om ingen kommun är vald än.")
        String municipality;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (municipality != null && !KoladaImporter.validMunicipalityCode(municipality)) {
                spec.commandLine().getErr().println("Kommunkoden '" + municipality + "' är inte giltig. Ange Koladas "
                        + "fyrsiffriga kod, t.ex. 1280 (0000 är riket).");
                return ExitCodes.USAGE;
            }
            try (AppContext ctx = db.open()) {
                KoladaImporter.Result r = ctx.keyFigures().koladaImporter().importFile(file, municipality);
                if (!r.ok()) {
                    return rejected(spec, r.errors());
                }
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s: %d nyckeltal och %d kommuner i katalogen nya eller ändrade; värden: %d nya, %d ändrade, "
                                + "%d oförändrade (%d saknade värden behålls som saknade, %d värden för kommungrupper).%n",
                        file.getFileName(), r.kpis(), r.municipalities(), r.inserted(), r.updated(), r.unchanged(),
                        r.missingValues(), r.groupValues());
                if (r.municipalitySet() != null) {
                    out.println("Egen kommun satt till " + r.municipalitySet() + ".");
                }
                if (r.municipalityNote() != null) {
                    out.println(r.municipalityNote());
                }
                if (!r.changedAnything() && r.kpis() == 0 && r.municipalities() == 0) {
                    out.println("Inget ändrades: allt i filen fanns redan.");
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "survey", mixinStandardHelpOptions = true,
            description = {"Läser in brukarundersökningens resultat per enhet (CSV eller XLSX): enhet, fråga, andel "
                    + "positiva (%), antal svarande, antal tillfrågade, svarsfrekvens och år. Kolumnerna känns igen "
                    + "på sina vanliga rubriker; en mappning (--mapping) väljer andra."})
    static final class Survey implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--year", paramLabel = "YYYY", description = "Undersökningsåret, när filen saknar kolumn för år.")
        Integer year;

        @Option(names = "--mapping", paramLabel = "NAME|FILE", description = "En sparad mappning eller en JSON-fil.")
        String mapping;

        @Option(names = "--dry-run", description = "Kontrollera filen utan att skriva något.")
        boolean dryRun;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (AppContext ctx = db.open()) {
                SurveyMapping m = null;
                if (mapping != null) {
                    try {
                        Path p = Path.of(mapping);
                        String json = Files.isRegularFile(p) ? Files.readString(p)
                                : new MappingRepository(ctx.database()).find(SurveyMapping.NAME_PREFIX + mapping)
                                .or(() -> new MappingRepository(ctx.database()).find(mapping)).orElse(null);
                        if (json == null) {
                            spec.commandLine().getErr().println("Mappningen '" + mapping + "' finns varken som fil eller "
                                    + "som sparad mappning.");
                            return ExitCodes.USAGE;
                        }
                        m = SurveyMapping.fromJson(json);
                    } catch (IllegalArgumentException e) {
                        spec.commandLine().getErr().println(e.getMessage());
                        return ExitCodes.USAGE;
                    }
                }
                SurveyImporter.Result r = ctx.keyFigures().surveyImporter().importFile(file, year, m, dryRun);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Kolumner: " + r.mapping());
                if (!r.ok()) {
                    return rejected(spec, r.errors());
                }
                if (dryRun) {
                    out.printf("Kontroll klar: %d rader kan läsas in (%d utan publicerat resultat). Inget skrevs.%n",
                            r.rows(), r.suppressed());
                } else {
                    out.printf("%d rader: %d nya, %d ändrade, %d oförändrade; %d utan publicerat resultat "
                            + "(för få svarande eller saknas) behålls som saknade.%n", r.rows(), r.inserted(), r.updated(),
                            r.unchanged(), r.suppressed());
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "own", mixinStandardHelpOptions = true,
            description = "Läser in egna nyckeltal per enhet och period (CSV/XLSX): Nyckeltal;Enhet;År;Månad;Värde;Antal.")
    static final class Own implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (AppContext ctx = db.open()) {
                KeyFigureService.OwnImportResult r = ctx.keyFigures().importOwnValues(file);
                if (!r.ok()) {
                    return rejected(spec, r.errors());
                }
                spec.commandLine().getOut().printf("%d värden lästa, %d nya eller ändrade.%n", r.rows(), r.changed());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "followups", mixinStandardHelpOptions = true,
            description = {"Läser in individuppföljningar (CSV/XLSX) utan att identifiera personen: Ärendereferens;Datum;"
                    + "Enhet;Insats;Genomförandeplan finns;Genomförandeplan aktuell;Insatsen motsvarar beslutet;"
                    + "Önskemål uppföljda;Anmärkning. Personnummer eller namn i ärendereferensen avvisar filen."})
    static final class FollowUps implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (AppContext ctx = db.open()) {
                FollowUpService.ImportResult r = ctx.followUps().importFile(file);
                if (!r.ok()) {
                    return rejected(spec, r.errors());
                }
                spec.commandLine().getOut().printf("%d uppföljningar: %d nya, %d fanns redan.%n", r.rows(), r.inserted(),
                        r.unchanged());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Hämtar värden från Koladas API v3 (kräver nätverk; görs bara när du ber om det) och läser "
                    + "in dem som en fil. --save sparar svaret."})
    static final class Fetch implements Callable<Integer> {
        @Option(names = "--kpi", required = true, split = ",", paramLabel = "ID", description = "Nyckeltal, t.ex. U21468.")
        List<String> kpis;

        @Option(names = "--municipality", required = true, split = ",", paramLabel = "CODE",
                description = "Kommunkoder, t.ex. 1280,0000.")
        List<String> municipalities;

        @Option(names = "--years", required = true, split = ",", paramLabel = "YYYY", description = "År, t.ex. 2023,2024.")
        List<Integer> years;

        @Option(names = "--base", paramLabel = "URL", description = "API:ets adress (standard: ${DEFAULT-VALUE}).",
                defaultValue = KoladaClient.DEFAULT_BASE)
        String base;

        @Option(names = "--save", paramLabel = "FILE.json", description = "Spara svaret som fil.")
        Path save;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            KoladaClient client;
            java.net.URI uri;
            try {
                client = new KoladaClient(base);
                uri = client.dataUri(kpis, municipalities, years);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
            com.fasterxml.jackson.databind.JsonNode json;
            try {
                json = client.fetchAll(uri);
            } catch (java.io.IOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.FAILURE;
            }
            if (save != null) {
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(save.toFile(), json);
            }
            try (AppContext ctx = db.open()) {
                KoladaImporter.Result r = ctx.keyFigures().koladaImporter().importJson(json, uri.toString(), null);
                if (!r.ok()) {
                    return rejected(spec, r.errors());
                }
                spec.commandLine().getOut().printf("Hämtat från Kolada: %d nya, %d ändrade, %d oförändrade värden.%n",
                        r.inserted(), r.updated(), r.unchanged());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Söker i nyckeltalskatalogen på id och titel.")
    static final class Search implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..*", paramLabel = "TEXT")
        List<String> words = new ArrayList<>();

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                if (ctx.keyFigures().catalogueSize() == 0) {
                    spec.commandLine().getErr().println("Katalogen är tom. Läs in den först: keyfigures import kolada "
                            + "kpi-catalogue-elderly-care.v3.json");
                    return ExitCodes.USAGE;
                }
                List<Kpi> found = ctx.keyFigures().search(String.join(" ", words), limit);
                found.forEach(k -> spec.commandLine().getOut().println(k.id() + "\t" + k.title()));
                spec.commandLine().getOut().println(found.size() + " träffar.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "follow", mixinStandardHelpOptions = true, description = "Väljer vilka nyckeltal som följs (ersätter listan).")
    static final class Follow implements Callable<Integer> {
        @Parameters(index = "0", arity = "1..*", paramLabel = "KPI")
        List<String> kpis;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                for (String k : kpis) {
                    if (ctx.keyFigures().kpi(k).isEmpty()) {
                        spec.commandLine().getErr().println("Nyckeltalet " + k + " finns inte i katalogen. Sök med "
                                + "'keyfigures search' eller läs in katalogen.");
                        return ExitCodes.USAGE;
                    }
                }
                ctx.keyFigures().setFollowed(kpis);
                spec.commandLine().getOut().println("Följer " + String.join(", ", kpis) + ".");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Väljer jämförelsekommuner (ersätter listan): liknande kommuner, länet och riket.")
    static final class Compare implements Callable<Integer> {
        @Option(names = "--similar", split = ",", paramLabel = "CODE", description = "Liknande kommuner.")
        List<String> similar = new ArrayList<>();

        @Option(names = "--county", paramLabel = "CODE", description = "Länet/regionen, t.ex. 0012.")
        String county;

        @Option(names = "--national", description = "Jämför med riket (0000).")
        boolean national;

        @Option(names = "--other", split = ",", paramLabel = "CODE")
        List<String> other = new ArrayList<>();

        @Option(names = "--own", paramLabel = "CODE", description = "Byt vår egen kommun.")
        String own;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ComparisonChoice> list = new ArrayList<>();
            similar.forEach(c -> list.add(new ComparisonChoice(c, ComparisonRole.SIMILAR)));
            if (county != null) {
                list.add(new ComparisonChoice(county, ComparisonRole.COUNTY));
            }
            if (national) {
                list.add(new ComparisonChoice("0000", ComparisonRole.NATIONAL));
            }
            other.forEach(c -> list.add(new ComparisonChoice(c, ComparisonRole.OTHER)));
            try (AppContext ctx = db.open()) {
                if (own != null && !ctx.keyFigures().setOwnMunicipality(own).ok()) {
                    spec.commandLine().getErr().println("Kommunkoden '" + own + "' är inte giltig.");
                    return ExitCodes.USAGE;
                }
                if (!ctx.keyFigures().setComparisons(list).ok()) {
                    spec.commandLine().getErr().println("En kommunkod är inte giltig: ange fyrsiffriga koder, t.ex. 1280.");
                    return ExitCodes.USAGE;
                }
                spec.commandLine().getOut().println(list.size() + " jämförelsekommuner valda.");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Visar ett nyckeltal för vår kommun och jämförelsekommunerna med intervall, svarande och "
                    + "svarsfrekvens (aldrig som topplista).")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KPI")
        String kpi;

        @Option(names = "--year", paramLabel = "YYYY", description = "Året (standard: det senaste med värden).")
        Integer year;

        @Mixin
        DbOption db;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (AppContext ctx = db.open()) {
                KeyFigureService kf = ctx.keyFigures();
                List<Integer> years = kf.years(kpi);
                if (years.isEmpty()) {
                    spec.commandLine().getErr().println("Inga värden för " + kpi + ". Läs in dem med 'keyfigures import kolada'.");
                    return ExitCodes.USAGE;
                }
                int y = year != null ? year : years.getLast();
                PrintWriter out = spec.commandLine().getOut();
                out.println(kf.kpi(kpi).map(Kpi::title).orElse(kpi) + " (" + kpi + "), " + y);
                for (ComparisonRow r : kf.compare(kpi, y, "T")) {
                    ComparedValue v = r.value();
                    String value = v.suppressed() ? "för få svarande" : v.value() == null ? "saknas"
                            : String.format(Locale.ROOT, "%.1f", v.value()).replace('.', ',');
                    String ci = v.interval() == null ? "" : String.format(Locale.ROOT, " (95 %% KI %.0f–%.0f)",
                            v.interval().lower(), v.interval().upper());
                    String n = v.respondents() == null ? "" : "; " + v.respondents() + " svarande";
                    String rate = v.responseRate() == null ? "" : String.format(Locale.ROOT, ", svarsfrekvens %.0f %%",
                            v.responseRate());
                    String verdict = r.own() ? "(vi)" : switch (r.againstOwn()) {
                        case HIGHER -> "högre än vårt – tydlig skillnad";
                        case LOWER -> "lägre än vårt – tydlig skillnad";
                        case NO_CLEAR_DIFFERENCE -> "ingen säker skillnad";
                        case CANNOT_BE_JUDGED -> "kan inte bedömas";
                    };
                    out.println("  " + v.label() + ": " + value + ci + n + rate + (v.unweighted() ? " [ovägt medelvärde]" : "")
                            + (v.status().isBlank() ? "" : " [status " + v.status() + "]") + " – " + verdict);
                }
                out.println("Källa: Kolada. Intervall (Wilson, 95 %) och bedömningar beräknade av Kvalitetshjulet.");
                return ExitCodes.OK;
            }
        }
    }
}
