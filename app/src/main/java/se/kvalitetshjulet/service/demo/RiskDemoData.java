package se.kvalitetshjulet.service.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.CauseCategory;
import se.kvalitetshjulet.domain.risk.EventStep;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;

/**
 * Demo risk and event analyses for the Sjöbacka municipality built by {@link DemoDataService}: analyses before
 * reorganisations, moves, a schedule change and a new IT system, half-yearly individual fall-risk analyses (one of
 * them due now), measures in every state, and two event analyses linked to the demo's lex Maria deviations.
 * Deterministic for a given seed and "today". Call after the deviations exist.
 */
public final class RiskDemoData {
    private final Database db;
    private final RiskRepository risks;
    private final DeviationRepository deviations;
    private final UnitRepository units;

    public RiskDemoData(Database db, RiskRepository risks, DeviationRepository deviations, UnitRepository units) {
        this.db = db;
        this.risks = risks;
        this.deviations = deviations;
        this.units = units;
    }

    /** Creates the analyses; returns how many. */
    public int generate(long seed, LocalDate today) {
        Random rnd = new Random(seed ^ 0x5249534bL);
        Map<String, Unit> byName = units.findAll().stream()
                .collect(Collectors.toMap(Unit::name, Function.identity(), (a, b) -> a));
        List<RiskTemplate> templates = risks.templates();
        RiskTemplate riskTemplate = templates.stream().filter(t -> t.kind() == AnalysisKind.RISKANALYS).findFirst()
                .orElseThrow();
        RiskTemplate eventTemplate = templates.stream().filter(t -> t.kind() == AnalysisKind.HANDELSEANALYS)
                .findFirst().orElseThrow();
        int[] count = {0};
        int lastYear = today.getYear() - 1;
        db.txRun(tx -> {
            // Last year's analyses: decided and followed up, for the annual report's appendix.
            RiskAnalysis a = analysis(tx, riskTemplate, unit(byName, "Hemtjänst Norr"), AnalysisLevel.ENHET,
                    RiskTrigger.OMORGANISATION, LocalDate.of(lastYear, 2, 14),
                    "Riskanalys inför sammanslagning av sektionerna Björkhagen och Ekbacken",
                    "Enhetschef, sektionschefer, undersköterskor, skyddsombud",
                    "Planeringen av besök flyttas till en gemensam planerare; brukarna byter delvis personalgrupp.",
                    List.of(risk("Brukare får besök av okänd personal och känner otrygghet", "Ny personalgrupp", "Kontaktmannaskap", 3, 2, 2, 2),
                            risk("Insatser missas i övergången mellan planeringssystemen", "Dubbla listor under övergången", "Daglig avstämning", 2, 3, 1, 3)),
                    "Kontaktmannaskapet har förtydligats och rutinen för planering har uppdaterats.",
                    AnalysisStatus.UPPFOLJD, LocalDate.of(lastYear, 9, 1), count);
            measure(tx, a, "Informationsbrev till brukare och närstående om ny personalgrupp", "Enhetschef",
                    LocalDate.of(lastYear, 3, 1), LocalDate.of(lastYear, 2, 27), "Inga klagomål om otrygghet under våren.", true);
            measure(tx, a, "Gemensam avstämning av planeringen varje morgon under sex veckor", "Sektionschef",
                    LocalDate.of(lastYear, 4, 15), LocalDate.of(lastYear, 4, 10), "Inga missade insatser i samband med övergången.", true);

            RiskAnalysis move = analysis(tx, riskTemplate, unit(byName, "Daglig verksamhet Verkstan"), AnalysisLevel.ENHET,
                    RiskTrigger.FLYTT, LocalDate.of(lastYear, 5, 3), "Riskanalys inför flytt av Verkstan till nya lokaler",
                    "Enhetschef, handledare, arbetsterapeut",
                    "Verksamheten flyttar till lokaler i centrum; nya resvägar och ny miljö för deltagarna.",
                    List.of(risk("Deltagare hittar inte till nya lokalen", "Ny resväg", "Färdtjänst", 2, 2, 1, 2)),
                    "", AnalysisStatus.BESLUTAD, LocalDate.of(lastYear, 11, 1), count);
            measure(tx, move, "Provåkning av ny resväg med varje deltagare", "Handledare",
                    LocalDate.of(lastYear, 6, 1), LocalDate.of(lastYear, 5, 28), null, null);

            RiskAnalysis night = analysis(tx, riskTemplate, unit(byName, "Nattpatrullen"), AnalysisLevel.ENHET,
                    RiskTrigger.SCHEMAANDRING, LocalDate.of(lastYear, 8, 20), "Riskanalys inför schemaändring för nattarbete",
                    "Enhetschef, nattpersonal", "Nattpassen förskjuts en timme.",
                    List.of(risk("Larm besvaras senare vid passbyte", "Överlämning sker samtidigt som larmtopp", "Larmcentral", 1, 2, null, null)),
                    "", AnalysisStatus.UTKAST, null, count);
            decide(tx, night.withStatus(AnalysisStatus.UTKAST), "Utifrån ett brukarperspektiv innebär ändringen ingen skillnad.");

            // This year's analyses: in progress, with measures planned, overdue and done.
            RiskAnalysis it = analysis(tx, riskTemplate, unit(byName, "Vård- och omsorgsförvaltningen"),
                    AnalysisLevel.FORVALTNING, RiskTrigger.NYTT_IT_SYSTEM, today.minusMonths(3),
                    "Riskanalys inför byte till nytt verksamhetssystem",
                    "Förvaltningens systemförvaltare, MAS, SAS, enhetschefer",
                    "Dokumentation och utförarplanering flyttas till ett nytt verksamhetssystem under en helg.",
                    List.of(risk("Genomförandeplaner följer inte med vid migreringen", "Olika datastruktur", "Testmigrering", 3, 3, 1, 3),
                            risk("Läkemedelslistor saknas under driftsättningshelgen", "Systemet är stängt", "Pappersrutin", 2, 4, 1, 4),
                            risk("Personal hinner inte lära sig systemet", "Kort utbildningstid", "Superanvändare", 4, 2, 2, 2)),
                    "", AnalysisStatus.BESLUTAD, today.plusMonths(2), count);
            measure(tx, it, "Reservrutin på papper för läkemedelslistor under driftsättningen", "MAS",
                    today.minusMonths(1), today.minusMonths(1).minusDays(3), "Reservrutinen användes; inga missade doser.", true);
            measure(tx, it, "Superanvändare på varje enhet utbildas före start", "Systemförvaltare",
                    today.minusDays(10), null, null, null);
            measure(tx, it, "Kontroll av migrerade genomförandeplaner i stickprov", "Kvalitetsutvecklare",
                    today.plusWeeks(3), null, null, null);

            analysis(tx, riskTemplate, unit(byName, "Avdelning särskilt boende"), AnalysisLevel.ENHET,
                    RiskTrigger.BEMANNING, today.minusDays(12), "Riskanalys av bemanning under sommaren",
                    "Avdelningschef, enhetschefer, bemanningsenheten", "Semesterperioden med stor andel vikarier.",
                    List.of(risk("Vikarier saknar delegering för läkemedel", "Delegering tar tid", null, null, null, null, null)),
                    "", AnalysisStatus.UTKAST, null, count);

            // Individual fall-risk analyses, redone every half year; one is due now.
            Unit linden = unit(byName, "Avdelning Linden");
            RiskAnalysis fallOld = analysis(tx, riskTemplate, linden, AnalysisLevel.INDIVID, RiskTrigger.ANNAT,
                    today.minusMonths(13), "Individuell fallriskanalys, brukare 1 (ärende RA-0101)",
                    "Sjuksköterska, fysioterapeut, kontaktperson",
                    "Förflyttningar nattetid och toalettbesök.",
                    List.of(risk("Fall vid toalettbesök nattetid", "Yrsel efter uppresning", "Rörelselarm", 3, 3, 2, 3)),
                    "", AnalysisStatus.UPPFOLJD, today.minusMonths(10), count);
            measure(tx, fallOld, "Sänkt säng och ledljus till toaletten", "Fysioterapeut",
                    today.minusMonths(12), today.minusMonths(12), "Inga fall under tre månader.", true);
            RiskAnalysis fallNew = risks.save(tx, fallOld.recurrence(today.minusMonths(7)).withDecision(
                    AnalysisStatus.BESLUTAD, "Enhetschef", today.minusMonths(7)));
            count[0]++;
            measure(tx, fallNew, "Höftskydd provas ut", "Arbetsterapeut", today.minusMonths(6), today.minusMonths(6),
                    null, null);
            RiskAnalysis fall2 = analysis(tx, riskTemplate, unit(byName, "Avdelning Lönnen"), AnalysisLevel.INDIVID,
                    RiskTrigger.ANNAT, today.minusMonths(2), "Individuell fallriskanalys, brukare 2 (ärende RA-0102)",
                    "Sjuksköterska, fysioterapeut", "Promenader i korridor.",
                    List.of(risk("Fall i korridoren", "Nedsatt balans", "Rollator", 2, 3, 1, 3)),
                    "", AnalysisStatus.BESLUTAD, today.plusMonths(1), count);
            measure(tx, fall2, "Balansträning två gånger i veckan", "Fysioterapeut", today.plusMonths(1), null, null, null);

            // Event analyses of the two most recent lex Maria deviations.
            List<DeviationRow> maria = deviations.search(DeviationFilter.all().withKinds(
                    java.util.EnumSet.of(DeviationKind.LEX_MARIA)), DeviationSort.REGISTERED_ON, false, 0, 2, today).rows();
            for (int i = 0; i < maria.size(); i++) {
                DeviationRow d = maria.get(i);
                boolean decided = i == 1;
                List<EventStep> steps = new ArrayList<>();
                for (int s = 1; s <= eventTemplate.steps().size(); s++) {
                    boolean done = decided ? s <= 7 : s <= 4;
                    steps.add(new EventStep(s, done ? eventStepText(s) : "", done));
                }
                LocalDate day = d.registeredOn();
                RiskAnalysis ev = new RiskAnalysis(null, eventTemplate.id(), AnalysisKind.HANDELSEANALYS,
                        decided ? AnalysisStatus.BESLUTAD : AnalysisStatus.UTKAST,
                        "Händelseanalys: " + d.title().toLowerCase(java.util.Locale.ROOT) + " (" + d.caseRef() + ")",
                        AnalysisLevel.ENHET, d.unitId(), null, day.plusDays(7).isAfter(today) ? today : day.plusDays(7),
                        "Analysledare (kvalitetsutvecklare), sjuksköterska, undersköterska, MAS",
                        "Händelsen analyseras utifrån vad som hände och varför, inte vem.", "",
                        decided ? "Rutinen för överrapportering har uppdaterats." : "",
                        decided ? today.plusMonths(3) : null, decided ? "Verksamhetschef HSL" : null,
                        decided ? today.minusDays(3 + rnd.nextInt(5)) : null, null, List.of(), steps,
                        List.of(new TimelineEntry(day.minusDays(1).atTime(21, 40), "Kvällsdosen delas ut enligt signeringslistan."),
                                new TimelineEntry(day.minusDays(1).atTime(22, 15), "Brukaren larmar och uppges ha ont."),
                                new TimelineEntry(day.atTime(7, 30), "Sjuksköterskan upptäcker avvikelsen vid morgonrapporten.")),
                        List.of(new UnderlyingCause(CauseCategory.KOMMUNIKATION, "Muntlig överrapportering utan checklista vid passbyte."),
                                new UnderlyingCause(CauseCategory.RUTINER, "Rutinen för dubbelkontroll är otydlig för vikarier."),
                                new UnderlyingCause(CauseCategory.ORGANISATION, "Hög andel timanställda under helger.")),
                        List.of(d.id()));
                RiskAnalysis saved = risks.save(tx, ev);
                count[0]++;
                if (decided) {
                    measure(tx, saved, "Checklista för överrapportering vid passbyte införs", "Enhetschef",
                            today.plusMonths(1), null, null, null);
                    measure(tx, saved, "Utbildning i läkemedelshantering för vikarier", "Sjuksköterska",
                            today.minusDays(5), null, null, null);
                }
            }
        });
        return count[0];
    }

    private static String eventStepText(int step) {
        return switch (step) {
            case 1 -> "Uppdrag från verksamhetschef; analysgrupp utsedd.";
            case 2 -> "Journal, signeringslistor och intervjuer med berörd personal (utan namn i analysen).";
            case 3 -> "Händelseförloppet är beskrivet i tidslinjen.";
            case 4 -> "Orsaker i kommunikation, rutiner och organisation.";
            case 5 -> "Checklista vid passbyte och utbildning; effekten följs upp genom avvikelsestatistik.";
            case 6 -> "Slutrapport överlämnad till verksamhetschef.";
            case 7 -> "Åtgärderna beslutade med tidsplan.";
            default -> "";
        };
    }

    private static Unit unit(Map<String, Unit> byName, String name) {
        Unit u = byName.get(name);
        if (u == null) {
            throw new IllegalStateException("Demoenheten " + name + " saknas.");
        }
        return u;
    }

    private static Risk risk(String what, String causes, String barriers, Integer p, Integer c, Integer rp, Integer rc) {
        return new Risk(null, what, causes == null ? "" : causes, barriers == null ? "" : barriers, p, c, rp, rc);
    }

    private RiskAnalysis analysis(DSLContext tx, RiskTemplate t, Unit unit, AnalysisLevel level, RiskTrigger trigger,
                                  LocalDate on, String title, String participants, String process, List<Risk> list,
                                  String routines, AnalysisStatus status, LocalDate followUp, int[] count) {
        boolean decided = status != AnalysisStatus.UTKAST;
        List<EventStep> steps = new ArrayList<>();
        for (int s = 1; s <= t.steps().size(); s++) {
            steps.add(new EventStep(s, "", decided || s <= 3));
        }
        RiskAnalysis a = new RiskAnalysis(null, t.id(), t.kind(), status, title, level, unit.id(), trigger, on,
                participants, process, "", routines, followUp, decided ? "Avdelningschef" : null,
                decided ? on.plusDays(14) : null, null, list, steps, List.of(), List.of(), List.of());
        count[0]++;
        return risks.save(tx, a);
    }

    private void decide(DSLContext tx, RiskAnalysis a, String reason) {
        risks.save(tx, new RiskAnalysis(a.id(), a.templateId(), a.kind(), AnalysisStatus.BESLUTAD, a.title(), a.level(),
                a.unitId(), a.trigger(), a.analysedOn(), a.participants(), a.processDescription(), reason,
                a.improvedRoutines(), null, "Enhetschef", a.analysedOn().plusDays(7), a.previousId(), a.risks(),
                a.steps().stream().map(s -> new EventStep(s.number(), s.text(), true)).toList(), a.timeline(),
                a.causes(), a.deviationIds()));
    }

    private void measure(DSLContext tx, RiskAnalysis a, String what, String responsible, LocalDate due,
                         LocalDate done, String effect, Boolean effective) {
        deviations.saveMeasure(tx, new Measure(null, RiskAnalysis.SOURCE, a.id(), a.unitId(), what, null, responsible,
                due, done, effect, effective));
    }
}
