package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import static org.assertj.core.api.Assertions.assertThat;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.jooq.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.export.ReportDocument;

/**
 * Re-enters an excerpt of seed 002 (Malmö's arbetsmarknads- och socialförvaltning, kvalitetsberättelse 2022): ten
 * rows of its Bilaga 2 as the rounds were sent, and its headline counts, then compares the generated report's
 * tables with the seed's text.
 */
class Seed002ReportTest {
    /** Seed 002, Bilaga 2 (Individ och familjeomsorg), in the seed's order: check, unit, result, actions, routines. */
    static final List<List<String>> BILAGA2 = List.of(
            List.of("Logguppföljning i Journal Digital enligt rutin.", "Enhet Kriscentrum stöd och behandling: Resursteam "
                    + "Heder, Kriscentrum Heder, Kriscentrum Boende, Barnahus och samtliga sektionschefer på enheten.",
                    "Inga anmärkningar.", "", ""),
            List.of("Logguppföljning i Journal Digital enligt rutin.", "Enhet Stöd och behandling vuxna: samtliga sektioner.",
                    "Inga anmärkningar.", "Kompetensutveckling för enskilda medarbetare.",
                    "Strukturerad uppföljning av dokumentation inom vissa verksamheter under kommande år."),
            List.of("Logguppföljning i Journal Digital enligt rutin.", "Enhet Stöd och behandling barn och familj: "
                    + "Enebacken, Malmö spädbarnsteam, Umgåsen och Familjepedagogerna.", "Inga anmärkningar.", "", ""),
            List.of("Logguppföljning i Lifecare enligt rutin.", "Enhet Barn och familj Väster Innerstaden.",
                    "Inga anmärkningar.", "", ""),
            List.of("Regelbunden uppföljning av antal barnavårdsutredningar som överskridit lagstadgad tid.",
                    "Enhet Barn och familj Norr Öster", "Brister har konstaterats.",
                    "Extra resurser för dokumentation, omdisponering på tjänst, prioritering.", ""),
            List.of("Regelbunden uppföljning av antal barnavårdsutredningar som överskridit lagstadgad tid.",
                    "Enhet Barn och familj Söder", "Vissa brister har konstaterats.", "Månatlig kontroll där enhetschef "
                            + "påminner sektionschef om att avsluta utredningar som borde varit stängda.", "Upprättad rutin"),
            List.of("Regelbunden uppföljning av antal barnavårdsutredningar som överskridit lagstadgad tid.",
                    "Enhet Ungdom", "Brister har konstaterats.", "Ökad bemanning samt ändrade arbetsprocesser.",
                    "Ändrade rutiner vid ärendegenomgång samt skrivdagar."),
            List.of("Tjänstegenomgång. Förste socialsekreterare håller tjänstegenomgångar regelbundet. Genomgång av "
                    + "dokumentation, ärende och planering.", "Enhet Unga och vuxna", "Inga anmärkningar.",
                    "Mer regelbundna metodstunder utifrån specifika ämnen. Metodträffar för kompetensutveckling.", ""),
            List.of("Egenkontroll av handläggningstid för inkomna kostnadsförslag tandvård.", "Tandvårdsteamet.",
                    "Kontrollen visar att handläggnings- och bedömningstider är långa.",
                    "Utökade resurser i Tandvårdsteamet och ökat konsultstöd.",
                    "Förtydligad handläggningsprocess. Tandvårdsteamets rutiner har förbättrats."),
            List.of("Egenkontroll av jämställda utbetalningar.", "Samtliga enheter inom ekonomiskt bistånd.",
                    "16 % av de kontrollerade ärenden (300 under året) följer inte principerna för jämställda utbetalningar.",
                    "Återkoppling till berörda medarbetare",
                    "Förslag framtaget för att förtydliga beskrivningen kring jämställda utbetalningar i kärnprocessen för "
                            + "ekonomiskt bistånd."));

    @TempDir
    Path dir;
    AppContext ctx;
    Unit adm;
    Long ifo;
    final Map<String, Unit> units = new LinkedHashMap<>();

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
        ifo = ctx.organisation().businessAreas().stream().filter(a -> a.code().equals("IFO")).map(BusinessArea::id)
                .findFirst().orElseThrow();
        adm = ctx.units().save(new Unit(null, null, "Arbetsmarknads- och socialförvaltningen", OrgLevel.FORVALTNING, ifo,
                ProviderKind.KOMMUNAL, null, null, null));
        Unit avd = ctx.units().save(new Unit(null, adm.id(), "IFO", OrgLevel.AVDELNING, ifo, ProviderKind.KOMMUNAL, null,
                null, null));
        for (String name : List.of("Kriscentrum stöd och behandling", "Stöd och behandling vuxna",
                "Stöd och behandling barn och familj", "Barn och familj Väster Innerstaden", "Barn och familj Norr Öster",
                "Barn och familj Söder", "Ungdom", "Unga och vuxna", "Tandvårdsteamet")) {
            units.put(name, ctx.units().save(new Unit(null, avd.id(), name, OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                    null, null, null)));
        }
        // An avdelning: the round "to all units of ekonomiskt bistånd" goes to it, not to each section.
        Unit eb = ctx.units().save(new Unit(null, adm.id(), "Ekonomiskt bistånd", OrgLevel.AVDELNING, ifo,
                ProviderKind.KOMMUNAL, null, null, null));
        ctx.units().save(new Unit(null, eb.id(), "Mottag ekonomiskt bistånd", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        units.put("Ekonomiskt bistånd", eb);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private Template template(String name) {
        Question q = new Question(null, "kontroll", "Följer verksamheten rutinen?", AnswerType.YES_NO, true, null,
                "SOSFS 2011:9 5 kap. 2 §", List.of(), FindingRule.NO_OR_PARTLY);
        return ctx.selfChecks().saveTemplate(Template.draft(name, null,
                List.of(new TemplateSection(null, "Kontroll", List.of(q))))).value();
    }

    /** The unit of a seed row: the enhet named after "Enhet " (up to ':' or '.'), or the named unit. */
    private Unit unitOf(String display) {
        for (var e : units.entrySet()) {
            if (display.startsWith("Enhet " + e.getKey()) || display.startsWith(e.getKey())
                    || display.toLowerCase(Locale.ROOT).contains(e.getKey().toLowerCase(Locale.ROOT))) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException(display);
    }

    private void enterBilaga2() {
        Map<String, List<List<String>>> byCheck = new LinkedHashMap<>();
        for (List<String> row : BILAGA2) {
            byCheck.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row);
        }
        List<long[]> order = new ArrayList<>();
        for (var e : byCheck.entrySet()) {
            Template t = template(e.getKey());
            long questionId = t.questions().findFirst().orElseThrow().id();
            List<Long> ids = new ArrayList<>();
            for (List<String> row : e.getValue()) {
                ids.add(unitOf(row.get(1)).id());
            }
            boolean unanswered = e.getKey().startsWith("Regelbunden");
            if (unanswered) {
                ids.add(units.get("Tandvårdsteamet").id());
            }
            Round round = ctx.selfChecks().createRound(new Round(null, e.getKey(), t.id(), LocalDate.of(2022, 3, 1),
                    LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 15), null, null), ids).value();
            for (List<String> row : e.getValue()) {
                long response = ctx.selfChecks().responses(round.id(), unitOf(row.get(1)).id()).getFirst().id();
                boolean deficient = row.get(2).startsWith("Brister");
                ctx.selfChecks().submit(response, List.of(new Answer(null, questionId, deficient ? "NEJ" : "JA", null)));
                if (!row.get(3).isEmpty()) {
                    // A done action on the question: its legal reference must not become "Processer och rutiner".
                    var action = ctx.selfChecks().addAction(response, questionId, "Genomgång i arbetsgruppen",
                            "Sektionschef", LocalDate.of(2022, 5, 1));
                    ctx.selfChecks().markActionDone(action.value().id(), LocalDate.of(2022, 5, 1));
                }
                String display = row.get(1).equals(unitOf(row.get(1)).name()) ? null : row.get(1);
                String result = row.get(2).equals(deficient ? "Brister har konstaterats." : "Inga anmärkningar.")
                        ? null : row.get(2);
                assertThat(ctx.bilaga2().save(response, round.id(), display, result, row.get(3)).ok()).isTrue();
                assertThat(ctx.selfChecks().saveBilaga2(response, null, row.get(4)).ok()).isTrue();
                order.add(new long[] {round.id(), response});
            }
        }
        for (int i = 0; i < order.size(); i++) {
            ctx.bilaga2().position(order.get(i)[0], order.get(i)[1], i + 1);
        }
    }

    private static long ids = 0;

    private void deviations(String kind, int year, int n) {
        List<Query> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            q.add(ctx.database().dsl().insertInto(DEVIATION).set(DEVIATION.CASE_REF, "S-" + (++ids))
                    .set(DEVIATION.KIND, kind).set(DEVIATION.LAW, kind.equals("LEX_MARIA") ? "PSL" : "SOL")
                    .set(DEVIATION.UNIT_ID, units.get("Ungdom").id()).set(DEVIATION.STATUS, "REGISTRERAD")
                    .set(DEVIATION.REGISTERED_ON, LocalDate.of(year, 1 + i % 12, 1 + i % 28))
                    .set(DEVIATION.TITLE, "Avvikelse").set(DEVIATION.UPDATED_AT, LocalDateTime.of(2023, 1, 27, 8, 0)));
        }
        ctx.database().dsl().batch(q).execute();
    }

    /** An investigated lex Sarah case: registered, assessed on a day (or not yet), maybe notified to IVO. */
    private Query investigated(LocalDate registered, LocalDate assessedOn, String assessment, LocalDate ivoOn,
                               boolean ivoDecided) {
        return ctx.database().dsl().insertInto(DEVIATION).set(DEVIATION.CASE_REF, "S-" + (++ids))
                .set(DEVIATION.KIND, "LEX_SARAH").set(DEVIATION.LAW, "SOL")
                .set(DEVIATION.UNIT_ID, units.get("Ungdom").id())
                .set(DEVIATION.STATUS, assessedOn == null ? "UTREDNING" : "AVSLUTAD")
                .set(DEVIATION.REGISTERED_ON, registered).set(DEVIATION.ASSESSED_ON, assessedOn)
                .set(DEVIATION.ASSESSMENT, assessment).set(DEVIATION.IVO_REPORTED_ON, ivoOn)
                .set(DEVIATION.IVO_DECISION, ivoDecided ? "Ärendet avslutas utan vidare åtgärder." : null)
                .set(DEVIATION.TITLE, "Lex Sarah").set(DEVIATION.UPDATED_AT, LocalDateTime.of(2023, 1, 27, 8, 0));
    }

    /** {@code n} lex Sarah investigations assessed in a year with this assessment, registered some weeks before. */
    private void assessed(int year, String assessment, int n, List<Query> q) {
        for (int i = 0; i < n; i++) {
            LocalDate on = LocalDate.of(year, 1 + i % 12, 1 + i % 28);
            q.add(investigated(on.minusWeeks(6), on, assessment, null, false));
        }
    }

    private ReportModel build(se.kvalitetshjulet.domain.report.CountingRule rule) {
        return ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, 2022, 0, null, false, null, rule),
                LocalDate.of(2023, 1, 27), (f, w) -> { }, () -> false);
    }

    private static String paragraphs(List<ReportDocument.Block> doc) {
        StringBuilder sb = new StringBuilder();
        for (ReportDocument.Block b : doc) {
            if (b instanceof ReportDocument.Paragraph p) {
                sb.append(p.text()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void assessmentsAndIvoNotificationsReadYearOverYearByDecisionDateAsTheSeedHasThem() {
        List<Query> q = new ArrayList<>();
        // "Arbetsutskottet har under 2022 behandlat 34 lex Sarah utredningar där förvaltningen efter utredning har
        // bedömt att missförhållande eller påtaglig risk för missförhållande förelegat … 2021 … 40 … (2020:39)."
        assessed(2022, "MISSFORHALLANDE", 20, q);
        assessed(2022, "PATAGLIG_RISK", 9, q);
        assessed(2022, "INGET_MISSFORHALLANDE", 51, q);
        assessed(2021, "MISSFORHALLANDE", 17, q);
        assessed(2021, "PATAGLIG_RISK", 15, q);
        assessed(2020, "MISSFORHALLANDE", 39, q);
        // "… anmälan till IVO i fem fall av de 34 ärenden som behandlades. I ytterligare tre ärenden beslutades om
        // anmälan till IVO men i dessa fall innan utredningen var färdigställd … åtta ärenden … lika många som under
        // 2021. I fem av dessa har IVO beslutat att avsluta ärendet … För övriga tre väntar IVO …"
        for (int i = 0; i < 5; i++) {
            q.add(investigated(LocalDate.of(2022, 2 + i, 1), LocalDate.of(2022, 3 + i, 1), "MISSFORHALLANDE",
                    LocalDate.of(2022, 3 + i, 10), true));
        }
        q.add(investigated(LocalDate.of(2022, 9, 1), null, null, LocalDate.of(2022, 9, 5), false));
        q.add(investigated(LocalDate.of(2022, 10, 1), null, null, LocalDate.of(2022, 10, 3), false));
        q.add(investigated(LocalDate.of(2022, 11, 1), LocalDate.of(2023, 1, 20), "MISSFORHALLANDE",
                LocalDate.of(2022, 11, 4), false));
        for (int i = 0; i < 8; i++) {
            q.add(investigated(LocalDate.of(2021, 1 + i, 1), LocalDate.of(2021, 2 + i, 1), "MISSFORHALLANDE",
                    LocalDate.of(2021, 2 + i, 8), true));
        }
        ctx.database().dsl().batch(q).execute();

        ReportModel m = build(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED);
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String text = paragraphs(ReportDocument.build(m, b));
        assertThat(text).contains("Lex Sarah-utredningar som under 2022 bedömdes som missförhållande eller påtaglig"
                + " risk för missförhållande: 34 (2021: 40, 2020: 39).");
        assertThat(text).contains("Lex Sarah: anmälningar till IVO under 2022: 8 (2021: 8, 2020: 0). Av årets"
                + " anmälningar gjordes 5 efter färdig utredning och 3 innan utredningen var färdig. IVO har fattat"
                + " beslut i 5; 3 väntar på IVO:s beslut.");
        assertThat(tables(ReportDocument.build(m, b), b.getString("report.sheet.assessments")))
                .contains(List.of("Lex Sarah", "Inget missförhållande", "51", "0", "0"));
        assertThat(text).contains(b.getString("report.countingRule.REGISTERED"));
    }

    @Test
    void aReportCountsByDecisionDateWhenAskedAndSaysSo() {
        List<Query> q = new ArrayList<>();
        // Registered in December 2021, assessed in January 2022; and one never assessed.
        for (int i = 0; i < 3; i++) {
            q.add(investigated(LocalDate.of(2021, 12, 10 + i), LocalDate.of(2022, 1, 10 + i), "PATAGLIG_RISK", null,
                    false));
        }
        q.add(investigated(LocalDate.of(2022, 2, 1), null, null, null, false));
        ctx.database().dsl().batch(q).execute();
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        ReportModel byRegistration = build(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED);
        assertThat(byRegistration.patterns().boardStyle(se.kvalitetshjulet.domain.deviation.DeviationKind.LEX_SARAH,
                se.kvalitetshjulet.domain.deviation.PatternReport.TOTAL)).startsWith("1 (2021: 3");

        ReportModel byDecision = build(se.kvalitetshjulet.domain.report.CountingRule.ASSESSED);
        assertThat(byDecision.patterns().boardStyle(se.kvalitetshjulet.domain.deviation.DeviationKind.LEX_SARAH,
                se.kvalitetshjulet.domain.deviation.PatternReport.TOTAL)).startsWith("3 (2021: 0");
        List<ReportDocument.Block> doc = ReportDocument.build(byDecision, b);
        assertThat(paragraphs(doc)).contains(b.getString("report.countingRule.ASSESSED"))
                .doesNotContain(b.getString("report.countingRule.REGISTERED"));
        Map<String, String> total = new LinkedHashMap<>();
        tables(doc, b.getString("report.sheet.deviations")).forEach(r -> total.put(r.getFirst(), r.getLast()));
        assertThat(total.get(b.getString("enum.DeviationKind.LEX_SARAH"))).startsWith("3 (2021: 0");
    }

    @Test
    void assessedCasesWithoutADateAreNamedNotCounted() {
        List<Query> q = new ArrayList<>();
        q.add(investigated(LocalDate.of(2022, 3, 1), null, "MISSFORHALLANDE", null, false));
        q.add(investigated(LocalDate.of(2022, 3, 2), LocalDate.of(2022, 4, 2), "MISSFORHALLANDE", null, false));
        ctx.database().dsl().batch(q).execute();
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String text = paragraphs(ReportDocument.build(build(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED), b));
        assertThat(text).contains("påtaglig risk för missförhållande: 1 (2021: ")
                .contains("1 ärende som registrerades under perioden har en bedömning men inget bedömningsdatum")
                .contains("Inga ärenden anmäldes till IVO under 2022 eller de två åren före.");
    }

    private static List<String> headings(List<ReportDocument.Block> doc, int level) {
        return doc.stream().filter(x -> x instanceof ReportDocument.Heading h && h.level() == level)
                .map(x -> ((ReportDocument.Heading) x).text()).toList();
    }

    @Test
    void theAnnualReportHasTheSeedsSectionsAndNamesTheUnwrittenOnesWithoutPlaceholders() throws Exception {
        deviations("KLAGOMAL_EXTERN", 2022, 12);
        // Last year's report set three priorities; this year's author has written two texts so far.
        ctx.reports().saveTexts(new se.kvalitetshjulet.domain.report.ReportTexts(null, 2021, 0, null, "", """
                - Stödstruktur för egenkontroll och riskanalys
                - Vidareutveckling av arbetet med avvikelser
                - Etablera samordnad verksamhetsutveckling""", "", "", ""));
        String followUp1 = "Mallar för egenkontroll och riskanalys har tagits fram och prövats i två avdelningar.";
        String processes = "Kärnprocessen för ekonomiskt bistånd har reviderats.\n\nRutinerna finns på intranätet.";
        var written = ctx.reports().saveTexts(new se.kvalitetshjulet.domain.report.ReportTexts(null, 2022, 0, null,
                "Förvaltningen har förberett ett nytt system för avvikelser.", "", "", "", "", Map.of(),
                Map.of("followUp.1", followUp1, "processes", processes)));
        assertThat(written.ok()).as(String.valueOf(written.problems())).isTrue();
        assertThat(ctx.reports().texts(2022, 0, null).section("processes")).isEqualTo(processes);

        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ReportModel m = build();
        List<ReportDocument.Block> doc = ReportDocument.build(m, b);
        assertThat(headings(doc, 1)).containsSubsequence("Sammanfattning",
                "Uppföljning av förra årets utvecklingsområden (2021)",
                "Ledningssystemets uppbyggnad – processer och rutiner", "Det systematiska förbättringsarbetet",
                "Prioriterade utvecklingsområden 2023", "Bilaga 1. Genomförda riskanalyser 2022",
                "Bilaga 2. Genomförda egenkontroller 2022");
        assertThat(headings(doc, 2)).containsSubsequence("Stödstruktur för egenkontroll och riskanalys",
                "Vidareutveckling av arbetet med avvikelser", "Etablera samordnad verksamhetsutveckling", "Avvikelser",
                "Mönster i avvikelser", "Utvecklingsarbete under året", "Riskanalyser", "Egenkontroller");
        assertThat(headings(doc, 3)).containsExactly("Klagomål och synpunkter från utomstående");
        String text = paragraphs(doc);
        assertThat(text).contains(followUp1, "Kärnprocessen för ekonomiskt bistånd har reviderats.",
                "Rutinerna finns på intranätet.", "Antal under 2022: 12 (2021: –, 2020: –).",
                b.getString("report.definition.KLAGOMAL_EXTERN"));
        assertThat(text).as("a board document never carries placeholder text").doesNotContain("Ingen text");
        assertThat(ReportDocument.unwritten(m, b)).containsExactly("Vidareutveckling av arbetet med avvikelser",
                "Etablera samordnad verksamhetsutveckling", "Klagomål och synpunkter från utomstående",
                "Mönster i avvikelser", "Utvecklingsarbete under året", "Riskanalyser", "Egenkontroller",
                "Prioriterade utvecklingsområden 2023");
    }

    @Test
    void thePdfBreaksNeitherWordsNorDatesInTheBilaga2Table() throws Exception {
        enterBilaga2();
        Path pdf = dir.resolve("kb.pdf");
        ctx.reportExporter(Locale.of("sv")).write(build(), se.kvalitetshjulet.domain.report.ReportFormat.PDF, pdf,
                () -> false);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String raw = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            String text = raw.replaceAll("\\s+", " ");
            for (String word : List.of("barnavårdsutredningar", "Familjepedagogerna", "handläggningsprocess.",
                    "ärendegenomgång", "utbetalningar.")) {
                assertThat(text).as(word).contains(word);
            }
            assertThat(raw).as("no word cut with a hyphen at a line end").doesNotContainPattern("\\p{Ll}-\\R\\p{Ll}");
        }
    }

    @Test
    void theDocxTablesHaveFixedColumnsThatLibreOfficeKeepsToo() throws Exception {
        enterBilaga2();
        Path docx = dir.resolve("kb.docx");
        ctx.reportExporter(Locale.of("sv")).write(build(), se.kvalitetshjulet.domain.report.ReportFormat.DOCX, docx,
                () -> false);
        try (var in = java.nio.file.Files.newInputStream(docx);
             var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).as("A4")
                    .isEqualTo(java.math.BigInteger.valueOf(11906));
            var bilaga2 = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText()
                    .equals("Genomförd egenkontroll")).findFirst().orElseThrow();
            var grid = bilaga2.getCTTbl().getTblGrid().getGridColList();
            assertThat(grid).hasSize(5);
            // {3, 2, 2, 3, 3} of the text width: the check and the two texts wider than unit and result
            long check = ((java.math.BigInteger) grid.get(0).getW()).longValue();
            long unit = ((java.math.BigInteger) grid.get(1).getW()).longValue();
            assertThat(check).isGreaterThan(unit);
            assertThat(grid.stream().mapToLong(g -> ((java.math.BigInteger) g.getW()).longValue()).sum())
                    .isBetween(8990L, 9010L);
            assertThat(bilaga2.getCTTbl().getTblPr().getTblLayout().getType().toString()).isEqualTo("fixed");
        }
    }

    @Test
    void thePdfIsTaggedForScreenReadersWithHeadingsTablesAndChartsInWords() throws Exception {
        deviations("KLAGOMAL_EXTERN", 2022, 30);
        deviations("KLAGOMAL_EXTERN", 2021, 20);
        Path pdf = dir.resolve("tagged.pdf");
        ctx.reportExporter(Locale.of("sv")).write(build(), se.kvalitetshjulet.domain.report.ReportFormat.PDF, pdf,
                () -> false);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var catalog = doc.getDocumentCatalog();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getLanguage()).isEqualTo("sv-SE");
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            var root = catalog.getStructureTreeRoot();
            assertThat(root).isNotNull();
            List<String> types = new ArrayList<>();
            List<String> alts = new ArrayList<>();
            java.util.function.Consumer<Object>[] walk = new java.util.function.Consumer[1];
            walk[0] = kid -> {
                if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                    types.add(e.getStructureType());
                    if (e.getAlternateDescription() != null) {
                        alts.add(e.getAlternateDescription());
                    }
                    e.getKids().forEach(walk[0]);
                }
            };
            root.getKids().forEach(walk[0]);
            assertThat(types).contains("Document", "H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "Figure", "TOC");
            assertThat(alts).anySatisfy(a -> assertThat(a).startsWith("Stapeldiagram: ").contains("2022 30"));
            assertThat(root.getParentTree()).isNotNull();
            assertThat(doc.getPage(1).getStructParents()).isGreaterThanOrEqualTo(0);
            assertThat(catalog.getDocumentOutline().getFirstChild().getTitle()).isEqualTo("Sammanfattning");
        }
    }

    private ReportModel build() {
        return ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, 2022, 0, null, false, null),
                LocalDate.of(2023, 1, 27), (f, w) -> { }, () -> false);
    }

    private static List<List<String>> tables(List<ReportDocument.Block> doc, String sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (ReportDocument.Block b : doc) {
            if (b instanceof ReportDocument.Table t && t.sheet().equals(sheet)) {
                rows.addAll(t.rows());
            }
        }
        return rows;
    }

    @Test
    void bilaga2ComesOutAsTheSeedHasItRowForRowWithUnansweredFormsApart() {
        enterBilaga2();
        ReportModel m = build();
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<ReportDocument.Block> doc = ReportDocument.build(m, b);
        assertThat(tables(doc, b.getString("report.sheet.bilaga2"))).containsExactlyElementsOf(BILAGA2);
        assertThat(tables(doc, b.getString("report.sheet.bilaga2Unanswered"))).containsExactly(
                List.of("Regelbunden uppföljning av antal barnavårdsutredningar som överskridit lagstadgad tid.",
                        "Tandvårdsteamet", "Individ- och familjeomsorg"));
        assertThat(tables(doc, b.getString("report.sheet.bilaga2")).stream().map(r -> r.get(4)))
                .noneMatch(r -> r.contains("SOSFS"));
    }

    @Test
    void headlineCountsReadAsTheBoardReadsThem() {
        deviations("KLAGOMAL_EXTERN", 2022, 210);
        deviations("KLAGOMAL_EXTERN", 2021, 154);
        deviations("KLAGOMAL_PERSONAL", 2022, 74);
        deviations("KLAGOMAL_PERSONAL", 2021, 51);
        deviations("KVALITETSAVVIKELSE", 2022, 1071);
        deviations("KVALITETSAVVIKELSE", 2021, 784);
        deviations("LEX_SARAH", 2022, 124);
        deviations("LEX_SARAH", 2021, 129);
        ReportModel m = build();
        assertThat(m.patterns().boardStyle(se.kvalitetshjulet.domain.deviation.DeviationKind.KLAGOMAL_EXTERN,
                se.kvalitetshjulet.domain.deviation.PatternReport.TOTAL)).startsWith("210 (2021: 154");
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<List<String>> table = tables(ReportDocument.build(m, b), b.getString("report.sheet.deviations"));
        Map<String, String> total = new LinkedHashMap<>();
        table.forEach(r -> total.put(r.getFirst(), r.getLast()));
        assertThat(total.get(b.getString("enum.DeviationKind.KLAGOMAL_EXTERN"))).startsWith("210 (2021: 154");
        assertThat(total.get(b.getString("enum.DeviationKind.KLAGOMAL_PERSONAL"))).startsWith("74 (2021: 51");
        assertThat(total.get(b.getString("enum.DeviationKind.KVALITETSAVVIKELSE"))).startsWith("1071 (2021: 784");
        assertThat(total.get(b.getString("enum.DeviationKind.LEX_SARAH"))).startsWith("124 (2021: 129");
        assertThat(total).as("kinds without records in the scope are left out, not printed as zeros")
                .doesNotContainKeys(b.getString("enum.DeviationKind.LEX_MARIA"),
                        b.getString("enum.DeviationKind.HSL_AVVIKELSE"));
        List<ReportDocument.Block> blocks = ReportDocument.build(m, b);
        assertThat(blocks).as("one bar chart per kind and verksamhetsområde, as the board's report has them")
                .filteredOn(x -> x instanceof ReportDocument.Chart c && c.spec() instanceof ReportDocument.Bars)
                .hasSize(4);
        assertThat(blocks).as("and the run and control charts with their drafted conclusions (decision 17)")
                .filteredOn(x -> x instanceof ReportDocument.Chart c && c.spec() instanceof ReportDocument.Line)
                .extracting(x -> ((ReportDocument.Line) ((ReportDocument.Chart) x).spec()).title())
                .contains("Antal: Alla avvikelser", "Antal: Lex Sarah");
    }

    @Test
    void theCoverNamesTheNamndAndTheForvaltning() {
        ResourceBundle b = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        var cover = (ReportDocument.Title) ReportDocument.build(build(), b).getFirst();
        assertThat(cover.subtitle()).startsWith("Arbetsmarknads- och socialförvaltningen · ");
        ctx.settings().put(ReportModel.SETTING_BOARD, "Arbetsmarknads- och socialnämnden");
        cover = (ReportDocument.Title) ReportDocument.build(build(), b).getFirst();
        assertThat(cover.subtitle()).startsWith("Arbetsmarknads- och socialnämnden · Arbetsmarknads- och "
                + "socialförvaltningen · ").doesNotContain("Hela organisationen");
    }
}
