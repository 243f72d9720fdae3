package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/** {@code selfcheck}: templates as JSON, the compilation as XLSX, and the hand-over by file between two databases. */
class SelfCheckCommandTest {
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

    @Test
    void aFormTravelsToASectionChiefsDatabaseAndTheAnswersComeBack() throws Exception {
        Path coordinatorDb = dir.resolve("samordnare.db");
        Path chiefDb = dir.resolve("chef.db");
        long roundId;
        long unitId;
        try (AppContext co = open(coordinatorDb)) {
            Unit enhet = co.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                    null, null, null));
            unitId = co.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                    null, null, null)).id();
            Template t = co.selfChecks().saveTemplate(Template.draft("Hygien", null, java.util.List.of(
                    new TemplateSection(null, "Klädregler", java.util.List.of(new Question(null, "klader",
                            "Bär all personal arbetskläder?", AnswerType.YES_NO, true, null, null, null,
                            FindingRule.NO_OR_PARTLY)))))).value();
            roundId = co.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value().id();
        }
        Path form = dir.resolve("form.kvh-egenkontroll");
        Run export = run("selfcheck", "export-form", "--round", Long.toString(roundId), "--unit", Long.toString(unitId),
                "--out", form.toString(), "--db", coordinatorDb.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(run("selfcheck", "export-form", "--round", "999", "--unit", "1", "--out", form.toString(),
                "--db", coordinatorDb.toString()).code()).isEqualTo(ExitCodes.USAGE);

        Run opened = run("selfcheck", "open-form", form.toString(), "--db", chiefDb.toString());
        assertThat(opened.code()).as(opened.err()).isZero();
        assertThat(opened.out()).startsWith("Formuläret öppnades");
        assertThat(run("selfcheck", "open-form", form.toString(), "--db", chiefDb.toString()).out())
                .startsWith("Formuläret var redan öppnat; inget ändrades");

        long localUnit;
        long localRound;
        try (AppContext chief = open(chiefDb)) {
            var row = chief.selfChecks().responses(null, null).getFirst();
            localUnit = row.unitId();
            localRound = row.roundId();
            Template t = chief.selfChecks().open(row.id()).template();
            chief.selfChecks().saveDraft(row.id(), t.questions()
                    .map(q -> new Answer(null, q.id(), q.key().equals("klader") ? "NEJ" : null, null)).toList());
        }
        Path answers = dir.resolve("svar.kvh-svar");
        Run exported = run("selfcheck", "export-answers", "--round", Long.toString(localRound), "--unit",
                Long.toString(localUnit), "--out", answers.toString(), "--db", chiefDb.toString());
        assertThat(exported.code()).as(exported.err()).isZero();

        // issue 16: edited answers, a fake "exportedBy" and a recomputed SHA-256 are refused (exit 3, nothing written)
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(answers.toFile());
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("payload");
        payload.put("exportedBy", "Verksamhetschef Vera");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("response").get("answers").get(0)).put("value", "JA");
        var covered = root.deepCopy();
        covered.remove("checksum");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("checksum")).put("value",
                sha256(canonical(covered)));
        Path forged = Files.writeString(dir.resolve("andrad.kvh-svar"), mapper.writeValueAsString(root));
        try (AppContext co = open(coordinatorDb)) {
            int auditBefore = co.audit().count();
            Run forgedRun = run("selfcheck", "import-answers", forged.toString(), "--db", coordinatorDb.toString());
            assertThat(forgedRun.code()).isEqualTo(ExitCodes.REJECTED);
            assertThat(forgedRun.err()).contains("avvisades. Svarsfilen är inte underskriven med nyckeln i formuläret");
            assertThat(co.audit().count()).isEqualTo(auditBefore);
            assertThat(co.selfChecks().responses(roundId, unitId).getFirst().status())
                    .isEqualTo(ResponseStatus.NOT_STARTED);
        }

        Run imported = run("selfcheck", "import-answers", answers.toString(), "--db", coordinatorDb.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("svar.kvh-svar: svaren för Sektion A lästes in.");
        Run again = run("selfcheck", "import-answers", answers.toString(), "--db", coordinatorDb.toString());
        assertThat(again.out()).contains("filen är redan inläst; inget ändrades.");

        byte[] bytes = Files.readAllBytes(answers);
        bytes[bytes.length / 2] ^= 0x01;
        Path damaged = Files.write(dir.resolve("skadad.kvh-svar"), bytes);
        Run refused = run("selfcheck", "import-answers", damaged.toString(), "--db", coordinatorDb.toString());
        assertThat(refused.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(refused.err()).contains("avvisades. Filen är skadad");

        try (AppContext co = open(coordinatorDb)) {
            var row = co.selfChecks().responses(roundId, unitId).getFirst();
            assertThat(row.status()).isEqualTo(ResponseStatus.DRAFT);
            assertThat(co.selfCheckRepository().answers(row.id()).values()).extracting(Answer::value)
                    .containsExactly("NEJ");
        }
    }

    @Test
    void aTemplateTravelsAsJsonAndARoundCompilesToExcelWithTheComparison() throws Exception {
        Path demoDb = dir.resolve("demo.db");
        Path otherDb = dir.resolve("annan-kommun.db");
        assertThat(run("demo", "--db", demoDb.toString()).code()).isZero();

        Run list = run("selfcheck", "export-template", "--db", demoDb.toString());
        assertThat(list.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(list.err()).contains("Basala hygienrutiner och klädregler (version 1)");
        long hygieneId;
        long september;
        long march;
        try (AppContext ctx = open(demoDb)) {
            hygieneId = ctx.selfChecks().templates().stream().filter(t -> t.name().startsWith("Basala")).findFirst()
                    .orElseThrow().id();
            september = ctx.selfChecks().rounds().stream().filter(r -> r.round().name().endsWith("september 2026"))
                    .findFirst().orElseThrow().round().id();
            march = ctx.selfChecks().rounds().stream().filter(r -> r.round().name().startsWith("Basala")
                    && r.round().name().endsWith("mars 2026")).findFirst().orElseThrow().round().id();
        }
        Path json = dir.resolve("hygien.json");
        Run exported = run("selfcheck", "export-template", "--template", Long.toString(hygieneId), "--out",
                json.toString(), "--db", demoDb.toString());
        assertThat(exported.code()).as(exported.err()).isZero();

        Run imported = run("selfcheck", "import-template", json.toString(), "--db", otherDb.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("Mallen \"Basala hygienrutiner och klädregler\" lästes in");
        try (AppContext other = open(otherDb)) {
            assertThat(other.selfChecks().templates()).singleElement()
                    .satisfies(t -> assertThat(t.questions().count()).isEqualTo(6));
        }
        Path broken = Files.writeString(dir.resolve("trasig.json"), "{\"inte\": \"en mall\"");
        assertThat(run("selfcheck", "import-template", broken.toString(), "--db", otherDb.toString()).code())
                .isEqualTo(ExitCodes.REJECTED);

        Path xlsx = dir.resolve("sammanstallning.xlsx");
        Run compiled = run("selfcheck", "compile", "--round", Long.toString(september), "--out", xlsx.toString(),
                "--db", demoDb.toString());
        assertThat(compiled.code()).as(compiled.err()).isZero();
        assertThat(compiled.out()).contains("jämförd med Basala hygienrutiner och klädregler – mars 2026");
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(xlsx.toFile());
             AppContext ctx = open(demoDb)) {
            assertThat(wb.getSheet("Jämförelse")).isNotNull();
            var c = ctx.selfChecks().compile(september);
            long submitted = c.units().stream().filter(u -> u.status() == ResponseStatus.SUBMITTED).count();
            // One row per unit under the header on the per-unit sheet, as many as the compilation has.
            var perUnit = wb.getSheet("Per enhet");
            assertThat(perUnit).isNotNull();
            assertThat(perUnit.getLastRowNum()).isGreaterThanOrEqualTo((int) submitted);
        }
        assertThat(march).isNotEqualTo(september);
        assertThat(run("selfcheck", "compile", "--round", "9999", "--out", xlsx.toString(), "--db", demoDb.toString())
                .code()).isEqualTo(ExitCodes.USAGE);
    }

    /** The canonical JSON (keys sorted, compact) the file's checksum is computed over, as an editor could redo it. */
    private static String canonical(com.fasterxml.jackson.databind.JsonNode node) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(node, Object.class));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
