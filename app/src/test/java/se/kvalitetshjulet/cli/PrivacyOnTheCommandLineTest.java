package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * Issue 13 on the command line: a report is checked once more before it is written and its findings are printed by
 * section and kind; a self-check template file and an answer file report their findings per question. Under "refuse"
 * each is rejected with exit 3 and nothing is written.
 */
class PrivacyOnTheCommandLineTest {
    private static final String IDENTIFYING = "19121212-1212 Anna Svensson";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static AppContext open(Path db) {
        return new AppContext(Database.open(db), Clock.systemDefaultZone());
    }

    private static void policy(Path db, PrivacyPolicy.TextKind kind, PrivacyPolicy.Mode mode) {
        try (AppContext ctx = open(db)) {
            ctx.privacy().savePolicy(ctx.privacy().policy().with(kind, mode));
        }
    }

    private static long unit(AppContext ctx) {
        Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        return ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
    }

    @Test
    void aReportListsItsFindingsBySectionAndUnderRefuseIsNotWritten() {
        Path db = dir.resolve("k.db");
        int year;
        try (AppContext ctx = open(db)) {
            unit(ctx);
            year = ctx.today().getYear() - 1;
            assertThat(ctx.reports().saveTexts(new ReportTexts(null, year, 0, null, "Klagomål från " + IDENTIFYING + ".",
                    "Fallprevention.", "", "", "")).ok()).isTrue();
        }
        Path written = dir.resolve("kvalitetsberattelse.docx");
        Run warned = run("report", "annual", "--year", Integer.toString(year), "--out", written.toString(),
                "--db", db.toString());
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.err()).contains("Varning: rapporten innehåller uppgifter som kan identifiera en person")
                .contains("Sammanfattning: personnummer (1 st)").contains("Sammanfattning: namn (1 st)")
                .doesNotContain("Prioriterade");
        assertThat(written).isNotEmptyFile();

        policy(db, PrivacyPolicy.TextKind.REPORT, PrivacyPolicy.Mode.REFUSE);
        Path refusedFile = dir.resolve("nekad.docx");
        Run refused = run("report", "annual", "--year", Integer.toString(year), "--out", refusedFile.toString(),
                "--db", db.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(refused.err()).contains("Rapporten skrevs inte").contains("Sammanfattning: personnummer (1 st)");
        assertThat(refused.out()).doesNotContain("Rapporten skrevs till");
        assertThat(refusedFile).doesNotExist();
    }

    @Test
    void aTemplateFileWithIdentifyingTextIsReportedPerQuestionAndUnderRefuseRejected() {
        Path source = dir.resolve("kalla.db");
        long templateId;
        try (AppContext ctx = open(source)) {
            templateId = ctx.selfChecks().saveTemplate(Template.draft("Hygien", null, List.of(new TemplateSection(null,
                    "Klädregler", List.of(new Question(null, "klader", "Bär all personal arbetskläder?", AnswerType.YES_NO,
                            true, "Fråga " + IDENTIFYING + " om osäker.", null, null, FindingRule.NO_OR_PARTLY),
                            new Question(null, "ringar", "Bär någon ringar?", AnswerType.YES_NO, true, null, null, null,
                                    FindingRule.NO_OR_PARTLY)))))).value().id();
        }
        Path json = dir.resolve("mall.json");
        assertThat(run("selfcheck", "export-template", "--template", Long.toString(templateId), "--out", json.toString(),
                "--db", source.toString()).code()).isZero();

        Path warnDb = dir.resolve("varna.db");
        Run warned = run("selfcheck", "import-template", json.toString(), "--db", warnDb.toString());
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.err()).contains("Frågan ”Bär all personal arbetskläder?”: texten innehåller personnummer, namn")
                .doesNotContain("Bär någon ringar").doesNotContain("19121212");

        Path refuseDb = dir.resolve("neka.db");
        policy(refuseDb, PrivacyPolicy.TextKind.SELF_CHECK, PrivacyPolicy.Mode.REFUSE);
        Run refused = run("selfcheck", "import-template", json.toString(), "--db", refuseDb.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(refused.err()).contains("Mallen avvisades").contains("Frågan ”Bär all personal arbetskläder?”");
        try (AppContext ctx = open(refuseDb)) {
            assertThat(ctx.selfChecks().templates()).isEmpty();
        }
    }

    @Test
    void anAnswerFileReportsFindingsPerQuestionAndUnderRefuseIsRejectedWithNothingWritten() throws Exception {
        Path coordinatorDb = dir.resolve("samordnare.db");
        Path chiefDb = dir.resolve("chef.db");
        long roundId;
        long unitId;
        try (AppContext co = open(coordinatorDb)) {
            unitId = unit(co);
            Template t = co.selfChecks().saveTemplate(Template.draft("Hygien", null, List.of(new TemplateSection(null,
                    "Klädregler", List.of(new Question(null, "klader", "Bär all personal arbetskläder?",
                            AnswerType.YES_NO, true, null, null, null, FindingRule.NO_OR_PARTLY)))))).value();
            roundId = co.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value().id();
        }
        Path form = dir.resolve("form.kvh-egenkontroll");
        assertThat(run("selfcheck", "export-form", "--round", Long.toString(roundId), "--unit", Long.toString(unitId),
                "--out", form.toString(), "--db", coordinatorDb.toString()).code()).isZero();
        assertThat(run("selfcheck", "open-form", form.toString(), "--db", chiefDb.toString()).code()).isZero();
        long localUnit;
        long localRound;
        try (AppContext chief = open(chiefDb)) {
            var row = chief.selfChecks().responses(null, null).getFirst();
            localUnit = row.unitId();
            localRound = row.roundId();
            Template t = chief.selfChecks().open(row.id()).template();
            chief.selfChecks().saveDraft(row.id(), t.questions()
                    .map(q -> new Answer(null, q.id(), "NEJ", IDENTIFYING + " bar ring")).toList());
        }
        Path answers = dir.resolve("svar.kvh-svar");
        assertThat(run("selfcheck", "export-answers", "--round", Long.toString(localRound), "--unit",
                Long.toString(localUnit), "--out", answers.toString(), "--db", chiefDb.toString()).code()).isZero();

        policy(coordinatorDb, PrivacyPolicy.TextKind.SELF_CHECK, PrivacyPolicy.Mode.REFUSE);
        Run refused = run("selfcheck", "import-answers", answers.toString(), "--db", coordinatorDb.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(refused.err()).contains("Frågan ”Bär all personal arbetskläder?”: texten innehåller personnummer, namn")
                .doesNotContain("19121212");
        try (AppContext co = open(coordinatorDb)) {
            var row = co.selfChecks().responses(roundId, unitId).getFirst();
            assertThat(co.selfCheckRepository().answers(row.id())).isEmpty();
        }

        policy(coordinatorDb, PrivacyPolicy.TextKind.SELF_CHECK, PrivacyPolicy.Mode.WARN);
        Run warned = run("selfcheck", "import-answers", answers.toString(), "--db", coordinatorDb.toString());
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.out() + warned.err()).contains("Frågan ”Bär all personal arbetskläder?”: texten innehåller "
                + "personnummer, namn");
        try (AppContext co = open(coordinatorDb)) {
            var row = co.selfChecks().responses(roundId, unitId).getFirst();
            assertThat(co.selfCheckRepository().answers(row.id()).values()).extracting(Answer::comment)
                    .containsExactly(IDENTIFYING + " bar ring");
        }
        assertThat(Files.exists(answers)).isTrue();
    }
}
