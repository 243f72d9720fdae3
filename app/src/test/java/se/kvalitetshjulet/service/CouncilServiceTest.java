package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionSource;
import se.kvalitetshjulet.domain.action.ActionStatus;
import se.kvalitetshjulet.domain.council.AgendaItem;
import se.kvalitetshjulet.domain.council.FollowUpOutcome;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.cycle.Occurrence;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;

/** Two council meetings in a row on a real database: agenda, decisions, follow-up and carry-over, minutes. */
class CouncilServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;
    Unit enhet;
    Unit sektion;
    Unit other;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        enhet = ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Syd", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        sektion = ctx.units().save(new Unit(null, enhet.id(), "Sektion Hamnen", OrgLevel.SEKTION, null,
                ProviderKind.KOMMUNAL, null, null, null));
        other = ctx.units().save(new Unit(null, adm.id(), "Rehabenheten", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Deviation deviation(Unit u, LocalDate registered, String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, u.id(), registered);
        return ctx.deviations().save(new Deviation(null, null, d.kind(), d.law(), d.unitId(), null, d.status(),
                registered, registered, registered, registered.plusDays(30), null, "Undersköterska", title, "", "", "",
                "", List.of(), null, false, null, null, null, null));
    }

    private Meeting meeting(LocalDate on) {
        return ctx.councilService().save(new Meeting(null, enhet.id(), on, "Kvalitetsråd Hemtjänst Syd", !on.isAfter(TestDb.TODAY), null,
                null, List.of(new Meeting.Participant("Eva Ek", "Enhetschef"),
                new Meeting.Participant("Omar Ali", "Undersköterska")))).value();
    }

    @Test
    void theAgendaCountsDeviationsSinceThePreviousMeetingInTheSubtreeOnly() {
        Meeting first = meeting(LocalDate.of(2026, 10, 13));
        deviation(sektion, LocalDate.of(2026, 10, 13), "Samma dag som förra mötet");
        Deviation a = deviation(sektion, LocalDate.of(2026, 10, 20), "Missad insats");
        deviation(enhet, LocalDate.of(2026, 11, 2), "Larm ej besvarat");
        deviation(other, LocalDate.of(2026, 11, 3), "Annan enhet");
        deviation(sektion, LocalDate.of(2026, 11, 20), "Efter mötet");
        Meeting second = meeting(LocalDate.of(2026, 11, 17));
        ctx.councilService().addAgendaItem(second.id(), "Bemanning under julen", "Schemat för v. 51–52");

        CouncilService.MeetingView v = ctx.councilService().view(second.id());
        assertThat(v.previous().id()).isEqualTo(first.id());
        assertThat(v.since()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(v.deviationCount()).isEqualTo(2);
        assertThat(v.deviations()).extracting(d -> d.title()).containsExactly("Missad insats", "Larm ej besvarat");
        assertThat(v.agenda()).extracting(AgendaItem::kind).startsWith(AgendaItem.Kind.DEVIATIONS_SINCE)
                .endsWith(AgendaItem.Kind.ADDED);
        assertThat(v.agenda().getLast().label()).isEqualTo("Bemanning under julen");

        int before = ctx.audit().history("council_meeting", second.id()).size();
        ctx.councilService().save(ctx.councilService().find(second.id()).orElseThrow());
        assertThat(ctx.audit().history("council_meeting", second.id())).as("a save that changes nothing").hasSize(before);
        ctx.councilService().save(ctx.councilService().find(second.id()).orElseThrow().withPatterns("Kvällar"));
        assertThat(ctx.audit().history("council_meeting", second.id())).hasSize(before + 1);

        ctx.councilService().setReviewed(second.id(), a.id(), true);
        assertThat(ctx.councilService().view(second.id()).reviewed()).containsExactly(a.id());
        assertThat(ctx.audit().history("council_meeting", second.id())).isNotEmpty();
    }

    @Test
    void theNextMeetingFollowsUpDecisionsAndCarriesOverWhatIsNotDone() throws Exception {
        Meeting first = meeting(LocalDate.of(2026, 10, 13));
        var bad = ctx.councilService().addDecision(first.id(), " ", "", null);
        assertThat(bad.problems()).extracting(Problem::field).containsExactly("what", "responsible", "dueOn");
        Measure d1 = ctx.councilService().addDecision(first.id(), "Ny rutin för nyckelhantering", "Eva Ek",
                LocalDate.of(2026, 11, 10)).value();
        Measure d2 = ctx.councilService().addDecision(first.id(), "Utbilda i dokumentation", "Omar Ali",
                LocalDate.of(2026, 11, 15)).value();
        assertThat(ctx.councilService().view(first.id()).followUps()).isEmpty();
        assertThat(ctx.audit().history("action_item", d1.id())).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("INSERT"));

        Meeting second = meeting(LocalDate.of(2026, 11, 17));
        var v2 = ctx.councilService().view(second.id());
        assertThat(v2.followUps()).extracting(f -> f.action().id()).containsExactly(d1.id(), d2.id());
        assertThat(v2.agenda().getFirst().kind()).isEqualTo(AgendaItem.Kind.FOLLOW_UP);
        // Both decisions are past due today, so they are also the unit's overdue actions.
        assertThat(v2.overdue()).extracting(r -> r.measure().id()).contains(d1.id(), d2.id());

        ctx.councilService().followUp(second.id(), d1.id(), FollowUpOutcome.DONE, "Rutinen finns i pärmen", null);
        var refused = ctx.councilService().followUp(second.id(), d2.id(), FollowUpOutcome.CARRIED_OVER, null,
                LocalDate.of(2026, 11, 1));
        assertThat(refused.ok()).isFalse();
        ctx.councilService().followUp(second.id(), d2.id(), FollowUpOutcome.CARRIED_OVER, "Utbildning bokad",
                LocalDate.of(2026, 12, 15));
        Measure d3 = ctx.councilService().addDecision(second.id(), "Se över larmrutin", "Eva Ek",
                LocalDate.of(2027, 1, 15)).value();

        assertThat(ctx.actions().find(d1.id()).orElseThrow().doneOn()).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(ctx.actions().find(d2.id()).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 12, 15));
        var followed = ctx.councilService().view(second.id()).followUps();
        assertThat(followed).extracting(f -> f.outcome()).containsExactly(FollowUpOutcome.DONE, FollowUpOutcome.CARRIED_OVER);

        Meeting third = meeting(LocalDate.of(2026, 12, 15));
        var v3 = ctx.councilService().view(third.id());
        // The carried-over decision is the same action, linked again; the done one is gone.
        assertThat(v3.followUps()).extracting(f -> f.action().id()).containsExactly(d2.id(), d3.id());
        assertThat(v3.followUps().getFirst().decidedAtMeetingId()).isEqualTo(first.id());
        assertThat(ctx.actions().count(ActionFilter.all().withSource(ActionSource.COUNCIL), TestDb.TODAY)).isEqualTo(3);

        // Minutes of the second meeting, in Word and PDF.
        var exporter = ctx.councilMinutesExporter(Locale.of("sv"));
        Path docx = dir.resolve("protokoll.docx");
        Path pdf = dir.resolve("protokoll.pdf");
        exporter.docx(ctx.councilService().view(second.id()), docx);
        exporter.pdf(ctx.councilService().view(second.id()), pdf);
        try (var doc = new XWPFDocument(Files.newInputStream(docx)); var ex = new XWPFWordExtractor(doc)) {
            assertThat(ex.getText()).contains("Kvalitetsråd Hemtjänst Syd", "Eva Ek", "Enhetschef",
                    "Ny rutin för nyckelhantering", "Genomfört", "Flyttas till nästa möte", "Se över larmrutin");
        }
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Uppföljning av tidigare beslut", "Utbildning bokad",
                    "Se över larmrutin");
        }
    }

    @Test
    void aDecisionCanOrderARiskAnalysisDraftOnTheMeetingsUnit() {
        Meeting first = meeting(LocalDate.of(2026, 11, 17));
        Measure d = ctx.councilService().addDecision(first.id(), "Riskanalys inför ny nattbemanning", "Eva Ek",
                LocalDate.of(2027, 1, 31)).value();
        var r = ctx.councilService().orderAnalysis(first.id(), d.id(), AnalysisKind.RISKANALYS);
        assertThat(r.ok()).as(String.valueOf(r.problems())).isTrue();
        var analysis = ctx.riskService().find(r.value().id()).orElseThrow();
        assertThat(analysis.status()).isEqualTo(AnalysisStatus.UTKAST);
        assertThat(analysis.unitId()).isEqualTo(enhet.id());
        assertThat(analysis.title()).isEqualTo("Riskanalys inför ny nattbemanning");
        assertThat(analysis.participants()).contains("Eva Ek (Enhetschef)");
        assertThat(ctx.councilService().view(first.id()).analyses()).singleElement()
                .satisfies(a -> assertThat(a.analysisId()).isEqualTo(analysis.id()));
    }

    @Test
    void theActionListShowsEverySourceWithALinkBackAndFiltersMineUnitOverdueAndSource() {
        Deviation dev = deviation(sektion, LocalDate.of(2026, 11, 2), "Missad insats");
        ctx.deviationService().saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, dev.id(), sektion.id(),
                "Påminnelse i planeringen", null, "Eva Ek", LocalDate.of(2026, 11, 20), null, null, null));
        ctx.deviationService().saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, dev.id(), other.id(),
                "Genomgång på APT", null, "Karin Berg", LocalDate.of(2026, 12, 20), null, null, null));
        Meeting m = meeting(LocalDate.of(2026, 11, 17));
        Measure decision = ctx.councilService().addDecision(m.id(), "Ny rutin", "eva ek", LocalDate.of(2026, 12, 1)).value();

        var all = ctx.actionService().search(ActionFilter.all(), 0, 50);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.rows()).extracting(ActionRow::sourceRef).contains(dev.caseRef(),
                "2026-11-17 – Kvalitetsråd Hemtjänst Syd");
        assertThat(ctx.actionService().search(ActionFilter.all().withResponsible("Eva"), 0, 50).total()).isEqualTo(2);
        assertThat(ctx.actionService().search(ActionFilter.all().withUnits(ctx.organisation().unitScope(enhet.id(), null)),
                0, 50).total()).isEqualTo(2);
        assertThat(ctx.actionService().search(ActionFilter.all().withOverdueOnly(true), 0, 50).rows())
                .extracting(r -> r.measure().what()).containsExactly("Påminnelse i planeringen");
        assertThat(ctx.actionService().search(ActionFilter.all().withSource(ActionSource.COUNCIL), 0, 50).rows())
                .extracting(r -> r.measure().id()).containsExactly(decision.id());
        assertThat(ctx.actionService().search(ActionFilter.all(), 1, 2).rows()).hasSize(1);

        // Done, then closed only with an effect check; every step audited.
        assertThat(ctx.actionService().close(decision.id(), "Stickprov", true).problems()).extracting(Problem::messageKey)
                .contains("action.validation.closeNotDone");
        assertThat(ctx.actionService().markDone(decision.id(), TestDb.TODAY.plusDays(1)).ok()).isFalse();
        assertThat(ctx.actionService().markDone(decision.id(), TestDb.TODAY).ok()).isTrue();
        assertThat(ctx.actionService().close(decision.id(), " ", true).ok()).isFalse();
        assertThat(ctx.actionService().close(decision.id(), "Stickprov på tio ärenden: rutinen följs", true).ok()).isTrue();
        assertThat(ctx.actionService().search(ActionFilter.all().withStatus(ActionStatus.EFFECT_CHECKED), 0, 50).rows())
                .extracting(r -> r.measure().id()).containsExactly(decision.id());
        assertThat(ctx.audit().history("action_item", decision.id())).hasSize(3);
    }

    @Test
    void theAnnualCycleComesWithTheDefaultsAndExportsThemToACalendarFile() throws Exception {
        List<Occurrence> year = ctx.annualCycleService().occurrences(2026);
        assertThat(year).extracting(o -> o.activity().title()).contains("Patientsäkerhetsberättelse klar",
                "Egenkontroll (vår)", "Egenkontroll (höst)", "Kvalitetsrapport tertial 1", "Kvalitetsrapport tertial 2",
                "Kvalitetsberättelse");
        assertThat(year.stream().filter(o -> o.activity().title().startsWith("Lex Sarah"))).hasSize(2);
        assertThat(year.stream().filter(o -> o.activity().title().startsWith("Uppföljning internkontroll"))).hasSize(2);
        Occurrence psb = year.getFirst();
        assertThat(psb.dueOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(psb.status()).isEqualTo(Occurrence.CycleStatus.OVERDUE);
        ctx.annualCycleService().setDone(psb.activity().id(), 2026, true);
        assertThat(ctx.annualCycleService().occurrences(2026).getFirst().status()).isEqualTo(Occurrence.CycleStatus.DONE);
        assertThat(ctx.annualCycleService().upcoming(30)).extracting(o -> o.activity().title())
                .contains("Uppföljning internkontroll (höst)").doesNotContain("Patientsäkerhetsberättelse klar");

        var edited = new se.kvalitetshjulet.domain.cycle.AnnualActivity(psb.activity().id(), psb.activity().title(),
                "Klar senast 1 mars; till nämnden i april.", 3, 1, true, null, true);
        assertThat(ctx.annualCycleService().save(edited).ok()).isTrue();
        assertThat(ctx.annualCycleService().save(new se.kvalitetshjulet.domain.cycle.AnnualActivity(null, "", null, 13,
                0, false, null, true)).problems()).extracting(Problem::field)
                .containsExactly("title", "dueMonth", "dueDay", "startYear");

        Path ics = dir.resolve("arshjul.ics");
        int n = ctx.annualCycleService().exportIcs(ics, 2027, "Årshjul");
        assertThat(n).isEqualTo(10);
        String text = Files.readString(ics);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART;VALUE=DATE:20270301\r\n")
                .contains("RRULE:FREQ=YEARLY\r\n");
        assertThat(text.split("BEGIN:VEVENT", -1)).hasSize(11);
    }
}
