package se.kvalitetshjulet.service.demo;

import se.kvalitetshjulet.service.QualityPlanService;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.service.AnnualCycleService;
import se.kvalitetshjulet.service.ActionService;
import se.kvalitetshjulet.domain.council.MeetingRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;

import se.kvalitetshjulet.data.repo.CouncilRepository;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.FollowUpOutcome;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.cycle.Occurrence;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.plan.Dialogue;
import se.kvalitetshjulet.domain.plan.Goal;
import se.kvalitetshjulet.domain.plan.QualityPlan;
import se.kvalitetshjulet.domain.risk.AnalysisKind;

/**
 * Demo data for the quality councils and the annual cycle: a year of monthly council meetings (no meeting in July)
 * for three units, with participants, deviations reviewed, patterns, decisions followed up at the next meeting
 * (most done, some carried over), some actions closed after an effect check, one risk analysis ordered, the next
 * meeting planned; last year's and this year's annual-cycle activities marked done up to today; and for the same
 * units this year's quality dialogue per work group feeding a quality plan with goals, activities and linked
 * council decisions.
 */
public final class CouncilDemoData {
    static final List<String> UNITS = List.of("Hemtjänst Syd", "Solbackens vård- och omsorgsboende",
            "Gruppbostäder Centrum");

    private static final List<String> DECISIONS = List.of(
            "Gå igenom rutinen för nyckelhantering på arbetsplatsträffen",
            "Inför dubbelsignering vid överlämning av läkemedel",
            "Utbilda all personal i dokumentation av avvikelser",
            "Se över bemanningen kvällstid under helger",
            "Ta fram checklista för introduktion av vikarier",
            "Följ upp fallrisk hos brukare med nya läkemedel tillsammans med sjuksköterska",
            "Inför daglig genomgång av planeringen vid skiftbyte",
            "Uppdatera genomförandeplaner som är äldre än sex månader",
            "Testa larmen i alla lägenheter och dokumentera resultatet",
            "Bjud in anhöriga till dialogmöte om bemötande",
            "Kontrollera att samtliga har genomgått lex Sarah-utbildning",
            "Se över rutinen för matlådor och kylkedja");
    private static final List<String> PATTERNS = List.of(
            "Flera avvikelser kring missade insatser på kvällar när ordinarie planerare är ledig.",
            "Fall ökar hos brukare som nyligen bytt läkemedel; ofta nattetid.",
            "Dokumentationsbrister återkommer hos nyanställda och vikarier.",
            "Inga tydliga mönster denna månad; enstaka händelser utan gemensam orsak.",
            "Synpunkter från närstående handlar oftast om bemötande och information.");
    private static final List<String> NAMES = List.of("Eva Ek", "Omar Ali", "Karin Berg", "Johan Lind", "Sara Nilsson",
            "Mikael Holm", "Aisha Yusuf", "Lena Strand");
    private static final List<String> ROLES = List.of("Enhetschef", "Sjuksköterska", "Undersköterska", "Arbetsterapeut",
            "Kvalitetsutvecklare", "Stödassistent");

    private CouncilDemoData() {
    }

    private static void dialoguesAndPlans(CouncilService councils, QualityPlanService plans, Random rnd, LocalDate today) {
        List<Unit> all = councils.organisation().tree().all();
        int year = today.getYear();
        for (String name : UNITS) {
            Unit unit = all.stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
            if (unit == null) {
                continue;
            }
            QualityPlan plan = plans.planFor(unit.id(), year, "Kvalitetsplan " + year + " " + unit.name());
            for (String group : List.of("Dag", "Kväll och helg")) {
                Dialogue d = plans.saveDialogue(new Dialogue(null, unit.id(), year, group,
                        LocalDate.of(year, 2, 10 + rnd.nextInt(10)), NAMES.get(rnd.nextInt(2)),
                        "Medarbetarnas självskattning: trygga i bemötande, osäkra i dokumentation och avvikelsehantering.",
                        "Brukardialog: önskar färre olika personal och besked när insatser blir sena.",
                        "Närståendedialog: vill få information vid förändringar i planeringen.",
                        "Brukarundersökningen: 84 % nöjda med bemötandet, 61 % med information om förändringar.",
                        "Fyra klagomål under året, tre om sena besök.",
                        "Gott bemötande\nStabil arbetsgrupp",
                        group.equals("Dag") ? "Bättre information vid förändrade tider\nSäkrare dokumentation"
                                : "Bättre information vid förändrade tider\nFärre olika personal hos varje brukare"),
                        false).value();
                plans.goalsFromDialogue(plan.id(), d.id());
            }
            var view = plans.view(plan.id());
            for (int i = 0; i < view.goals().size(); i++) {
                Goal g = view.goals().get(i);
                plans.saveGoal(g.withStatus(i == 0 ? Goal.GoalStatus.REACHED : Goal.GoalStatus.ONGOING));
                plans.addActivity(plan.id(), "Aktivitet för målet: " + g.goal().toLowerCase(java.util.Locale.ROOT),
                        NAMES.get(rnd.nextInt(NAMES.size())), LocalDate.of(year, 4 + 2 * i, 30));
            }
            councils.meetings(unit.id()).stream().filter(MeetingRow::held).limit(2)
                    .flatMap(m -> councils.view(m.id()).decisions().stream()).limit(2)
                    .forEach(d -> plans.link(plan.id(), d.measure().id()));
        }
    }

    public static void generate(CouncilService councils, ActionService actions, AnnualCycleService cycle,
                                QualityPlanService plans, long seed, LocalDate today) {
        Random rnd = new Random(seed * 31 + 7);
        List<Unit> all = councils.organisation().tree().all();
        boolean orderedAnalysis = false;
        for (String name : UNITS) {
            Unit unit = all.stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
            if (unit == null) {
                continue;
            }
            List<Meeting.Participant> participants = List.of(
                    new Meeting.Participant(NAMES.get(rnd.nextInt(2)), ROLES.get(0)),
                    new Meeting.Participant(NAMES.get(2 + rnd.nextInt(2)), ROLES.get(1)),
                    new Meeting.Participant(NAMES.get(4 + rnd.nextInt(2)), ROLES.get(2)),
                    new Meeting.Participant(NAMES.get(6 + rnd.nextInt(2)), ROLES.get(3 + rnd.nextInt(3))));
            String title = "Kvalitetsråd " + unit.name();
            YearMonth first = YearMonth.from(today).minusMonths(11);
            for (YearMonth ym = first; !ym.isAfter(YearMonth.from(today).plusMonths(1)); ym = ym.plusMonths(1)) {
                if (ym.getMonthValue() == 7) {
                    continue;
                }
                LocalDate on = ym.atDay(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
                boolean held = !on.isAfter(today);
                Meeting m = councils.save(new Meeting(null, unit.id(), on, title, held, null, null, participants)).value();
                if (!held) {
                    break; // the next meeting is planned, not held
                }
                CouncilService.MeetingView v = councils.view(m.id());
                for (DeviationRow d : v.deviations().subList(0, Math.min(v.deviations().size(), 4 + rnd.nextInt(5)))) {
                    councils.setReviewed(m.id(), d.id(), true);
                }
                for (FollowUpItem f : v.followUps()) {
                    int roll = rnd.nextInt(100);
                    if (roll < 65) {
                        councils.followUp(m.id(), f.action().id(), FollowUpOutcome.DONE, null, null);
                        if (rnd.nextBoolean() && !on.isAfter(today)) {
                            actions.close(f.action().id(), "Följdes upp på arbetsplatsträff; stickprov visar att "
                                    + "rutinen följs.", rnd.nextInt(5) > 0);
                        }
                    } else if (roll < 90) {
                        councils.followUp(m.id(), f.action().id(), FollowUpOutcome.CARRIED_OVER,
                                "Inte klart, fortsätter till nästa möte.", on.plusMonths(1));
                    } else {
                        councils.followUp(m.id(), f.action().id(), FollowUpOutcome.NOT_DONE, "Ej påbörjad.", null);
                    }
                }
                int decisions = 1 + rnd.nextInt(2);
                for (int i = 0; i < decisions; i++) {
                    Measure d = councils.addDecision(m.id(), DECISIONS.get(rnd.nextInt(DECISIONS.size())),
                            participants.get(rnd.nextInt(participants.size())).name(), on.plusWeeks(3 + rnd.nextInt(6)))
                            .value();
                    if (!orderedAnalysis && ym.equals(YearMonth.from(today).minusMonths(2))) {
                        councils.orderAnalysis(m.id(), d.id(), AnalysisKind.RISKANALYS);
                        orderedAnalysis = true;
                    }
                }
                if (rnd.nextInt(4) == 0) {
                    councils.addAgendaItem(m.id(), "Information från förvaltningen", "Nya riktlinjer för dokumentation.");
                }
                councils.save(councils.find(m.id()).orElseThrow()
                        .withPatterns(PATTERNS.get(rnd.nextInt(PATTERNS.size())))
                        .withNotes("Nästa möte " + on.plusMonths(1).withDayOfMonth(14)
                                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)) + "."));
            }
        }
        dialoguesAndPlans(councils, plans, rnd, today);
        // The annual cycle: last year complete, this year done up to today except the latest activity.
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            List<Occurrence> occ = cycle.occurrences(year);
            List<Occurrence> past = occ.stream().filter(o -> o.dueOn().isBefore(today)).toList();
            for (int i = 0; i < past.size(); i++) {
                boolean leaveOpen = year == today.getYear() && i == past.size() - 1;
                if (!leaveOpen) {
                    cycle.setDone(past.get(i).activity().id(), year, past.get(i).dueOn().minusDays(rnd.nextInt(10)));
                }
            }
        }
    }
}
