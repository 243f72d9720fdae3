package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;

/** Stored report texts and meetings (audited), the privacy check of the texts, and cancelling a build. */
class ReportServiceTest {
    @TempDir
    Path dir;
    private AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void textsAreSavedPerPeriodAndSubtreeWithAnAuditRow() {
        ReportTexts saved = ctx.reports().saveTexts(new ReportTexts(null, 2025, 0, null, "Året i korthet.",
                "Fallprevention.", "", "", ""));
        assertThat(saved.id()).isNotNull();
        assertThat(ctx.audit().history("report_text", saved.id())).hasSize(1)
                .allSatisfy(e -> assertThat(e.afterJson()).contains("Året i korthet."));

        ReportTexts edited = new ReportTexts(saved.id(), 2025, 0, null, "Året i korthet, reviderat.", "Fallprevention.",
                "Uppföljt.", "", "");
        ctx.reports().saveTexts(edited);
        var history = ctx.audit().history("report_text", saved.id());
        assertThat(history).hasSize(2);
        assertThat(history.stream().map(e -> e.action()).toList()).contains("INSERT", "UPDATE");

        ReportTexts back = ctx.reports().texts(2025, 0, null);
        assertThat(back.summary()).isEqualTo("Året i korthet, reviderat.");
        assertThat(back.followUp()).isEqualTo("Uppföljt.");
        // Another period and the first tertial are kept apart.
        assertThat(ctx.reports().texts(2024, 0, null).summary()).isEmpty();
        assertThat(ctx.reports().texts(2025, 1, null).summary()).isEmpty();
    }

    @Test
    void privacyCheckFindsIdentityNumbersAndNamesInAnyText() {
        ReportTexts t = new ReportTexts(null, 2025, 2, null, "", "", "", "Anna har berättat om händelsen.",
                "Granskning av 19850101-1236.");
        var findings = ctx.reports().privacyFindings(t);
        assertThat(findings).anySatisfy(f -> assertThat(f.identityNumber()).isTrue());
        assertThat(findings).anySatisfy(f -> assertThat(f.text()).contains("Anna"));
        assertThat(ctx.reports().privacyFindings(ReportTexts.empty(2025, 2, null))).isEmpty();
    }

    @Test
    void meetingsAreListedFromTodayWithTheirDeadlineAndAudited() {
        BoardMeeting soon = ctx.reports().saveMeeting(new BoardMeeting(null, TestDb.TODAY.plusDays(3), "Socialnämnden", null));
        ctx.reports().saveMeeting(new BoardMeeting(null, TestDb.TODAY.plusDays(30), "Socialnämnden", null));
        ctx.reports().saveMeeting(new BoardMeeting(null, TestDb.TODAY.minusDays(10), "Förra", null));
        BoardMeeting next = ctx.reports().nextMeeting(TestDb.TODAY).orElseThrow();
        assertThat(next.meetingOn()).isEqualTo(TestDb.TODAY.plusDays(3));
        assertThat(next.deadline()).isEqualTo(TestDb.TODAY.minusDays(4));
        assertThat(next.deadlinePassed(TestDb.TODAY)).isTrue();
        assertThat(ctx.reports().meetings(TestDb.TODAY)).hasSize(2);
        assertThat(ctx.audit().history("board_meeting", soon.id())).hasSize(1);
        ctx.reports().deleteMeeting(soon.id());
        assertThat(ctx.reports().nextMeeting(TestDb.TODAY).orElseThrow().meetingOn()).isEqualTo(TestDb.TODAY.plusDays(30));
    }

    @Test
    void cancellingTheBuildThrowsAndWritesNoFile() {
        Path target = dir.resolve("rapport.pdf");
        List<String> steps = new ArrayList<>();
        boolean[] cancel = {false};
        ReportService.Request r = new ReportService.Request(ReportKind.ANNUAL, 2025, 0, null, false, null);
        assertThatThrownBy(() -> {
            ReportModel m = ctx.reports().build(r, TestDb.TODAY, (f, what) -> {
                steps.add(what);
                if (f >= 0.35) {
                    cancel[0] = true;
                }
            }, () -> cancel[0]);
            ctx.reportExporter(Locale.of("sv")).write(m, ReportFormat.PDF, target, () -> cancel[0]);
        }).isInstanceOf(CancellationException.class);
        assertThat(steps).contains("laws").doesNotContain("trends", "done");
        assertThat(target).doesNotExist();
    }

    @Test
    void cancellingWhileWritingLeavesNoFileInAnyFormat() {
        ReportModel m = ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, 2025, 0, null, false, null),
                TestDb.TODAY, (f, w) -> { }, () -> false);
        for (ReportFormat f : ReportFormat.values()) {
            Path target = dir.resolve("rapport." + f.extension());
            AtomicInteger polls = new AtomicInteger();
            assertThatThrownBy(() -> ctx.reportExporter(Locale.of("sv")).write(m, f, target,
                    () -> polls.incrementAndGet() > 3)).isInstanceOf(CancellationException.class);
            assertThat(target).doesNotExist();
        }
        Path whole = dir.resolve("hel.pdf");
        ctx.reportExporter(Locale.of("sv")).write(m, ReportFormat.PDF, whole, () -> false);
        assertThat(whole).exists();
        assertThat(whole.toFile().length()).isPositive();
        assertThat(Files.isRegularFile(whole)).isTrue();
    }
}
