package se.kvalitetshjulet.service.demo;

import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.service.SaveResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * Demo self-checks for the fictional municipality: three realistic templates (documentation
 * and genomförandeplaner in home care, basal hygiene, lex Sarah and deviation handling) and
 * rounds of this year (March and September; hygiene in both, so spring and autumn can be
 * compared) with answers from most units, some drafts, some not started and some findings with improvement actions. Deterministic for a seed and
 * a "today". Call after the organisation exists.
 */
public final class SelfCheckDemoData {
    /** What was created. */
    public record Summary(int templates, int rounds, int submitted, int drafts, int actions) { }

    private SelfCheckDemoData() {
    }

    public static Summary generate(SelfCheckService selfChecks, long seed, LocalDate today) {
        Random rnd = new Random(seed ^ 0x5e1fc4ecL);
        Template documentation = saved(selfChecks, documentationTemplate());
        Template hygiene = saved(selfChecks, hygieneTemplate());
        Template lexSarah = saved(selfChecks, lexSarahTemplate());
        int year = today.getYear();
        int[] counts = new int[3];
        Round march = round(selfChecks, Round.standard(lexSarah.name(), lexSarah.id(), year, true));
        answerRound(selfChecks, march, rnd, today, counts, 0.35);
        // Hygiene twice a year: spring shows gaps, autumn is better after the actions, so the compilation has a
        // previous round to compare with.
        Round hygieneSpring = round(selfChecks, Round.standard(hygiene.name(), hygiene.id(), year, true));
        answerRound(selfChecks, hygieneSpring, rnd, today, counts, 0.15);
        Round september = round(selfChecks, Round.standard(hygiene.name(), hygiene.id(), year, false));
        answerRound(selfChecks, september, rnd, today, counts, 0.45);

        // The March round froze version 1; the quality department adds a question for next time.
        Template lexSarahNow = selfChecks.template(lexSarah.id());
        List<TemplateSection> sections = new ArrayList<>(lexSarahNow.sections());
        TemplateSection last = sections.removeLast();
        List<Question> qs = new ArrayList<>(last.questions());
        qs.add(q("klagomal", "Har klagomål och synpunkter från brukare och närstående sammanställts under perioden?",
                AnswerType.YES_NO, true, "Sammanställningen används i verksamhetens kvalitetsberättelse.",
                "SOSFS 2011:9 5 kap. 6–7 §§", List.of(), FindingRule.NO_OR_PARTLY));
        sections.add(new TemplateSection(null, last.title(), qs));
        saved(selfChecks, lexSarahNow.withSections(sections));
        return new Summary(3, 3, counts[0], counts[1], counts[2]);
    }

    private static Template saved(SelfCheckService s, Template t) {
        SaveResult<Template> r = s.saveTemplate(t);
        if (!r.ok()) {
            throw new IllegalStateException("Demomallen " + t.name() + " är ogiltig: " + r.problems());
        }
        return r.value();
    }

    private static Round round(SelfCheckService s, Round r) {
        SaveResult<Round> saved = s.createRound(r);
        if (!saved.ok()) {
            throw new IllegalStateException("Demoomgången " + r.name() + " kunde inte skapas: " + saved.problems());
        }
        return saved.value();
    }

    private static void answerRound(SelfCheckService s, Round round, Random rnd, LocalDate today, int[] counts,
                                    double goodShare) {
        if (today.isBefore(round.periodStart())) {
            return;
        }
        boolean afterDue = today.isAfter(round.dueOn());
        Template t = s.template(round.templateId());
        for (ResponseRow r : s.responses(round.id(), null)) {
            double roll = rnd.nextDouble();
            boolean submit = afterDue ? roll < 0.8 : roll < 0.3;
            boolean draft = !submit && roll < (afterDue ? 0.92 : 0.7);
            if (!submit && !draft) {
                continue;
            }
            boolean good = rnd.nextDouble() < goodShare;
            List<Answer> answers = new ArrayList<>();
            for (Question q : t.questions().toList()) {
                if (draft && rnd.nextDouble() < 0.4) {
                    continue;
                }
                String value = good ? goodValue(q, rnd, round) : value(q, rnd, round);
                String comment = q.isFinding(value) && rnd.nextBoolean()
                        ? "Brister noterades vid genomgången; tas upp på nästa arbetsplatsträff." : null;
                if (value != null || comment != null) {
                    answers.add(new Answer(null, q.id(), value, comment));
                }
            }
            if (submit) {
                SaveResult<ResponseRow> result = s.submit(r.id(), answers);
                if (!result.ok()) {
                    throw new IllegalStateException("Demosvaret kunde inte skickas in: " + result.problems());
                }
                counts[0]++;
                for (Answer a : answers) {
                    Question q = t.question(a.questionId()).orElseThrow();
                    if (q.isFinding(AnswerValues.normalise(q.type(), a.value())) && rnd.nextDouble() < 0.6) {
                        LocalDate due = round.periodEnd().plusDays(45 + rnd.nextInt(30));
                        var action = s.addAction(r.id(), q.id(), actionText(q), rnd.nextBoolean() ? "Sektionschef" : "Enhetschef", due);
                        if (due.isBefore(today) && rnd.nextDouble() < 0.7) {
                            s.markActionDone(action.value().id(), due.minusDays(rnd.nextInt(10)));
                        }
                        counts[2]++;
                    }
                }
            } else {
                s.saveDraft(r.id(), answers);
                counts[1]++;
            }
        }
    }

    private static String actionText(Question q) {
        String ref = q.reference() == null ? "rutinen" : q.reference();
        return "Gå igenom " + ref + " på arbetsplatsträff och följ upp frågan: " + q.text();
    }

    /** An answer from a unit without remarks: never a finding. */
    private static String goodValue(Question q, Random rnd, Round round) {
        for (int i = 0; i < 20; i++) {
            String v = value(q, rnd, round);
            if (!q.isFinding(AnswerValues.normalise(q.type(), v))) {
                return v;
            }
        }
        return q.type() == se.kvalitetshjulet.domain.selfcheck.AnswerType.YES_NO ? "JA" : null;
    }

    private static String value(Question q, Random rnd, Round round) {
        return switch (q.type()) {
            case YES_NO -> {
                double r = rnd.nextDouble();
                yield r < 0.74 ? "JA" : r < 0.86 ? "DELVIS" : r < 0.95 ? "NEJ" : "EJ_AKTUELLT";
            }
            case PERCENTAGE -> Integer.toString(62 + rnd.nextInt(39));
            case NUMBER -> Integer.toString(rnd.nextInt(30));
            case DATE -> round.periodStart().minusDays(rnd.nextInt(60)).toString();
            case SINGLE_CHOICE -> q.options().get(rnd.nextDouble() < 0.9 ? rnd.nextInt(q.options().size() - 1)
                    : q.options().size() - 1);
            case MULTIPLE_CHOICE -> rnd.nextDouble() < 0.5 ? q.options().getLast()
                    : AnswerValues.join(q.options().subList(0, 1 + rnd.nextInt(q.options().size() - 1)));
            case TEXT -> rnd.nextDouble() < 0.3 ? "Genomgången gjordes tillsammans med hela arbetsgruppen." : null;
        };
    }

    private static Question q(String key, String text, AnswerType type, boolean required, String help, String reference,
                              List<String> options, FindingRule rule) {
        return new Question(null, key, text, type, required, help, reference, options, rule);
    }

    public static Template documentationTemplate() {
        return Template.draft("Dokumentation och genomförandeplaner i hemtjänsten",
                "Egenkontroll av social dokumentation och genomförandeplaner. Gör en stickprovsgranskning av minst tio akter.",
                List.of(
                        new TemplateSection(null, "Genomförandeplaner", List.of(
                                q("gp_andel", "Andel granskade ärenden med en aktuell genomförandeplan", AnswerType.PERCENTAGE,
                                        true, "Räkna de granskade akterna där genomförandeplanen är upprättad eller följd upp de senaste sex månaderna.",
                                        "SOSFS 2014:5 Dokumentation i verksamhet enligt SoL och LSS; lokal rutin för genomförandeplan",
                                        List.of(), FindingRule.below(90)),
                                q("gp_delaktighet", "Har den enskilde varit delaktig när genomförandeplanen togs fram?",
                                        AnswerType.YES_NO, true, "Delaktigheten ska framgå av dokumentationen.",
                                        "Lokal rutin för genomförandeplan", List.of(), FindingRule.NO_OR_PARTLY),
                                q("gp_uppfoljning", "Följs genomförandeplanerna upp minst var sjätte månad?", AnswerType.YES_NO,
                                        true, null, "Lokal rutin för genomförandeplan", List.of(), FindingRule.NO_OR_PARTLY))),
                        new TemplateSection(null, "Social dokumentation", List.of(
                                q("dok_lopande", "Dokumenteras genomförda insatser och händelser av betydelse löpande?",
                                        AnswerType.YES_NO, true, null, "SOSFS 2014:5", List.of(), FindingRule.NO_OR_PARTLY),
                                q("dok_antal", "Antal granskade akter", AnswerType.NUMBER, true, "Minst tio akter per enhet.",
                                        null, List.of(), FindingRule.NONE),
                                q("dok_brister", "Vilka brister hittades vid granskningen?", AnswerType.MULTIPLE_CHOICE, false,
                                        "Välj alla som stämmer.", null,
                                        List.of("Anteckningar saknar koppling till insats", "Ej aktuell genomförandeplan",
                                                "Osignerade anteckningar", "Inga brister"),
                                        FindingRule.values("Anteckningar saknar koppling till insats",
                                                "Ej aktuell genomförandeplan", "Osignerade anteckningar")),
                                q("logg", "Har logguppföljning i verksamhetssystemet gjorts enligt rutin?", AnswerType.YES_NO,
                                        true, "Kontrollera att bara behöriga har läst akterna.",
                                        "Lokal rutin för logguppföljning", List.of(), FindingRule.NO_OR_PARTLY),
                                q("ovrigt", "Övriga iakttagelser", AnswerType.TEXT, false, "Skriv inga namn eller personnummer.",
                                        null, List.of(), FindingRule.NONE)))));
    }

    public static Template hygieneTemplate() {
        return Template.draft("Basala hygienrutiner och klädregler",
                "Egenkontroll av följsamheten till basala hygienrutiner, med stöd av punktprevalensmätning (PPM).",
                List.of(
                        new TemplateSection(null, "Följsamhet", List.of(
                                q("ppm_datum", "Datum för senaste punktprevalensmätning (PPM)", AnswerType.DATE, true,
                                        "Ange datum som ÅÅÅÅ-MM-DD.", "Lokal rutin för mätning av basala hygienrutiner",
                                        List.of(), FindingRule.NONE),
                                q("ppm_andel", "Andel observationer med korrekt följsamhet till alla moment", AnswerType.PERCENTAGE,
                                        true, "Resultatet från den senaste mätningen, 0–100.",
                                        "SOSFS 2015:10 Basal hygien i vård och omsorg", List.of(), FindingRule.below(90)),
                                q("klader", "Bär all personal arbetskläder som byts dagligen?", AnswerType.YES_NO, true, null,
                                        "SOSFS 2015:10 Basal hygien i vård och omsorg", List.of(), FindingRule.NO_OR_PARTLY),
                                q("smycken", "Arbetar personalen utan ringar, armbandsur och armband?", AnswerType.YES_NO, true,
                                        null, "SOSFS 2015:10 Basal hygien i vård och omsorg", List.of(),
                                        FindingRule.NO_OR_PARTLY))),
                        new TemplateSection(null, "Kunskap och ansvar", List.of(
                                q("ombud", "Finns ett utsett hygienombud på enheten?", AnswerType.YES_NO, true, null,
                                        "Lokal rutin för hygienombud", List.of(), FindingRule.values("NEJ")),
                                q("intro", "Hur får ny personal introduktion i basala hygienrutiner?", AnswerType.SINGLE_CHOICE,
                                        true, null, "Lokal introduktionsrutin",
                                        List.of("Webbutbildning", "Genomgång med hygienombud", "Både webbutbildning och genomgång",
                                                "Ingen introduktion"),
                                        FindingRule.values("Ingen introduktion"))))));
    }

    static Template lexSarahTemplate() {
        return Template.draft("Lex Sarah och avvikelsehantering",
                "Egenkontroll av att rutinerna för lex Sarah och avvikelsehantering är kända och används.",
                List.of(
                        new TemplateSection(null, "Lex Sarah", List.of(
                                q("sarah_kand", "Känner all personal till skyldigheten att rapportera missförhållanden (lex Sarah)?",
                                        AnswerType.YES_NO, true, "Gäller även vikarier och timanställda.",
                                        "Lex Sarah enligt SoL och LSS; SOSFS 2011:5; lokal rutin för lex Sarah", List.of(),
                                        FindingRule.NO_OR_PARTLY),
                                q("sarah_apt", "Har rutinen för lex Sarah gåtts igenom på arbetsplatsträff under perioden?",
                                        AnswerType.YES_NO, true, null, "Lokal rutin för lex Sarah", List.of(),
                                        FindingRule.NO_OR_PARTLY),
                                q("intro", "Ingår lex Sarah och avvikelsehantering i introduktionen av nyanställda?",
                                        AnswerType.YES_NO, true, null, "Lokal introduktionsrutin", List.of(),
                                        FindingRule.NO_OR_PARTLY))),
                        new TemplateSection(null, "Avvikelser", List.of(
                                q("avv_antal", "Antal registrerade avvikelser under perioden", AnswerType.NUMBER, true, null,
                                        null, List.of(), FindingRule.NONE),
                                q("avv_analys", "Har avvikelserna sammanställts och analyserats på enheten?", AnswerType.YES_NO,
                                        true, "Analysen ska leda till åtgärder när mönster syns.", "SOSFS 2011:9 5 kap. 6–7 §§",
                                        List.of(), FindingRule.NO_OR_PARTLY),
                                q("avv_aterkoppling", "Får den som rapporterat en avvikelse återkoppling?", AnswerType.YES_NO,
                                        false, null, "Lokal rutin för avvikelsehantering", List.of(), FindingRule.NO_OR_PARTLY),
                                q("avv_apt", "Datum då avvikelser senast togs upp på arbetsplatsträff", AnswerType.DATE, false,
                                        null, null, List.of(), FindingRule.NONE)))));
    }
}
