package se.kvalitetshjulet.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * The report screen's view model on a temporary database (work on the same thread): texts edited under one choice
 * and the board meetings, as the author sees them.
 */
class ReportViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    ReportViewModel vm;
    int lastYear;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        vm = new ReportViewModel(FeatureContexts.report(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")));
        vm.load();
        lastYear = TestDb.TODAY.getYear() - 1;
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void textsEditedUnderOneYearAreOfferedForSavingWhenTheUserChoosesAnotherYear() {
        assertThat(vm.yearProperty().get()).isEqualTo(lastYear);
        assertThat(vm.textsLoadedProperty().get()).isTrue();
        vm.summaryProperty().set("Fallpreventionen nådde alla boenden.");
        assertThat(vm.textsDirtyProperty().get()).isTrue();
        assertThat(vm.saveTextsCommand().isExecutable()).isTrue();

        dialogs.confirmAnswer = true;
        vm.yearProperty().set(lastYear - 1);

        assertThat(dialogs.confirms).containsExactly("Texterna för " + lastYear
                + " är ändrade men inte sparade. Vill du spara dem innan du byter rapport?");
        assertThat(ctx.reports().texts(lastYear, 0, null).summary()).isEqualTo("Fallpreventionen nådde alla boenden.");
        assertThat(vm.statusProperty().get()).isEqualTo("Texterna är sparade.");
        // The new year's own (empty) texts are shown, not the edited ones.
        assertThat(vm.summaryProperty().get()).isEmpty();
        assertThat(vm.textsDirtyProperty().get()).isFalse();

        // Back to the first year: its stored text comes back.
        vm.yearProperty().set(lastYear);
        assertThat(vm.summaryProperty().get()).isEqualTo("Fallpreventionen nådde alla boenden.");
    }

    @Test
    void theAnnualReportsFurtherSectionsFollowLastYearsPrioritiesAndAreSavedWithTheTexts() {
        ctx.reports().saveTexts(new se.kvalitetshjulet.domain.report.ReportTexts(null, lastYear - 1, 0, null, "",
                "- Stödstruktur för egenkontroll\n- Arbetet med avvikelser", "", "", ""));
        vm.yearProperty().set(lastYear - 1);
        vm.yearProperty().set(lastYear);
        assertThat(vm.sections()).extracting(ReportViewModel.SectionRow::title).startsWith(
                "Uppföljning: Stödstruktur för egenkontroll", "Uppföljning: Arbetet med avvikelser",
                "Ledningssystemets uppbyggnad – processer och rutiner");
        assertThat(vm.sections()).allSatisfy(r -> assertThat(r.hint()).isNotBlank());
        ReportViewModel.SectionRow processes = vm.sections().stream().filter(r -> r.key().equals("processes"))
                .findFirst().orElseThrow();
        processes.text().set("Kärnprocessen för hemtjänst har reviderats.");
        assertThat(vm.textsDirtyProperty().get()).isTrue();
        dialogs.chooseAnswer = java.util.Optional.of(1); // "Spara ändå" if the privacy question is asked
        vm.saveTextsCommand().execute();
        assertThat(ctx.reports().texts(lastYear, 0, null).section("processes"))
                .isEqualTo("Kärnprocessen för hemtjänst har reviderats.");
        assertThat(ctx.reports().texts(lastYear, 0, null).section("followUp.1")).isEmpty();
        assertThat(vm.textsDirtyProperty().get()).isFalse();

        // Other kinds of report have none of these sections.
        vm.kindProperty().set(ReportKind.TERTIAL);
        assertThat(vm.sections()).isEmpty();
    }

    @Test
    void theCountingRuleGoesIntoTheReportRequest() {
        assertThat(vm.countByProperty().get()).isEqualTo(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED);
        vm.countByProperty().set(se.kvalitetshjulet.domain.report.CountingRule.ASSESSED);
        assertThat(vm.previewModelProperty().get().board().rule())
                .isEqualTo(se.kvalitetshjulet.domain.report.CountingRule.ASSESSED);
        vm.countByProperty().set(null);
        assertThat(vm.countByProperty().get()).isEqualTo(se.kvalitetshjulet.domain.report.CountingRule.REGISTERED);
    }

    @Test
    void answeringNoDropsTheEditsAndStoresNothing() {
        vm.kindProperty().set(ReportKind.TERTIAL);
        int tertial = vm.tertialProperty().get();
        vm.analysisProperty().set("Fler fall under sommaren.");
        dialogs.confirmAnswer = false;
        vm.tertialProperty().set(tertial == 1 ? 2 : 1);

        assertThat(dialogs.confirms).hasSize(1);
        assertThat(ctx.reports().texts(lastYear, tertial, null).analysis()).isEmpty();
        assertThat(vm.analysisProperty().get()).isEmpty();
        assertThat(vm.textsDirtyProperty().get()).isFalse();
    }

    @Test
    void aMeetingInThePastIsRefusedAndANewOneSetsTheNextDeadline() {
        assertThat(vm.deadlineTextProperty().get()).isEqualTo("Inget kommande sammanträde är inlagt.");
        vm.newMeetingDateProperty().set(TestDb.TODAY.minusDays(1));
        vm.addMeetingCommand().execute();
        assertThat(vm.meetingProblemProperty().get()).isEqualTo("Sammanträdesdagen har redan varit.");
        assertThat(vm.meetings()).isEmpty();

        LocalDate on = TestDb.TODAY.plusDays(30);
        vm.newMeetingDateProperty().set(on);
        vm.newMeetingTitleProperty().set("Socialnämnden");
        vm.addMeetingCommand().execute();

        assertThat(vm.meetingProblemProperty().get()).isEmpty();
        assertThat(vm.meetings()).singleElement().satisfies(m -> assertThat(m.meetingOn()).isEqualTo(on));
        assertThat(vm.selectedMeetingProperty().get()).isEqualTo(vm.meetings().getFirst());
        assertThat(vm.deadlineTextProperty().get()).startsWith("Nästa sammanträde " + on + " Socialnämnden:");
        assertThat(vm.newMeetingDateProperty().get()).isNull();

        dialogs.confirmAnswer = true;
        vm.deleteMeetingCommand().execute();
        assertThat(vm.meetings()).isEmpty();
        assertThat(ctx.reports().meetings(TestDb.TODAY)).isEmpty();
    }
}
