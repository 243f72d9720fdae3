package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.Handover;
import se.kvalitetshjulet.domain.selfcheck.Handover.ConflictChoice;
import se.kvalitetshjulet.domain.selfcheck.Handover.ImportOutcome;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.SelfCheckHandoverService.OpenOutcome;

/**
 * Hand-over by file between two databases: the coordinator's (with the organisation and the
 * round) and a section chief's own (empty at first).
 */
class SelfCheckHandoverServiceTest {
    @TempDir
    Path dir;

    private record Coordinator(AppContext ctx, Template template, Round round, long sectionA, long sectionB,
                               long enhet) { }

    private Coordinator coordinator() throws Exception {
        AppContext ctx = TestDb.open(Files.createDirectories(dir.resolve("samordnare")));
        Unit forv = ctx.units().save(new Unit(null, null, "Vård- och omsorgsförvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        Unit enhet = ctx.units().save(new Unit(null, forv.id(), "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        Unit a = ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Unit b = ctx.units().save(new Unit(null, enhet.id(), "Sektion B", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round r = ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        ctx.actor().choose("Samordnare Siv");
        return new Coordinator(ctx, ctx.selfChecks().template(t.id()), r, a.id(), b.id(), enhet.id());
    }

    private AppContext chief(String name) throws Exception {
        AppContext ctx = TestDb.open(Files.createDirectories(dir.resolve(name)));
        ctx.actor().choose(name);
        return ctx;
    }

    private static long qid(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow().id();
    }

    private static List<Answer> answers(Template t, String klader, String percent, String comment) {
        List<Answer> out = new ArrayList<>();
        out.add(new Answer(null, qid(t, "ppm_datum"), "2026-03-10", null));
        out.add(new Answer(null, qid(t, "ppm_andel"), percent, null));
        out.add(new Answer(null, qid(t, "klader"), klader, comment));
        out.add(new Answer(null, qid(t, "smycken"), "JA", null));
        out.add(new Answer(null, qid(t, "ombud"), "DELVIS", null));
        out.add(new Answer(null, qid(t, "intro"), "Webbutbildning", null));
        return out;
    }

    private static ResponseRow response(AppContext ctx, long roundId, long unitId) {
        return ctx.selfChecks().responses(roundId, unitId).getFirst();
    }

    /** Opens the form file in the chief's database, answers, submits and exports the answers. */
    private static Path answerAndExport(AppContext chief, Path form, String klader, String percent, Path out) {
        var opened = chief.selfCheckHandover().openForm(form);
        Template local = chief.selfChecks().open(opened.responseId()).template();
        var res = chief.selfChecks().submit(opened.responseId(), answers(local, klader, percent, "Förkläden saknas"));
        assertThat(res.ok()).as("%s", res.problems()).isTrue();
        return chief.selfCheckHandover().exportAnswers(opened.responseId(), out);
    }

    @Test
    void aFormGoesToTheSectionChiefsOwnDatabaseAndTheAnswersComeBackIntoTheCompilation() throws Exception {
        Coordinator c = coordinator();
        try (AppContext co = c.ctx(); AppContext chief = chief("Sektionschef Anna")) {
            Path form = co.selfCheckHandover().exportForm(c.round().id(), c.sectionA(),
                    dir.resolve(SelfCheckHandoverService.formFileName(c.round().name(), "Sektion A")));
            assertThat(form.getFileName().toString()).endsWith(".kvh-egenkontroll");
            assertThat(Files.readString(form)).contains("\"format\" : \"kvalitetshjulet.egenkontroll.formular\"")
                    .contains("\"formatVersion\" : 1").contains("SHA-256");

            // Opening creates the round (same uid), the frozen template version and the unit with its path.
            var opened = chief.selfCheckHandover().openForm(form);
            assertThat(opened.outcome()).isEqualTo(OpenOutcome.CREATED);
            var again = chief.selfCheckHandover().openForm(form);
            assertThat(again.outcome()).as("the same file twice").isEqualTo(OpenOutcome.UNCHANGED);
            assertThat(again.responseId()).isEqualTo(opened.responseId());
            assertThat(chief.selfChecks().rounds()).singleElement()
                    .satisfies(r -> assertThat(r.round().name()).isEqualTo(c.round().name()));
            assertThat(chief.selfChecks().templates()).hasSize(1);
            assertThat(chief.organisation().tree().path(opened.unitId()))
                    .isEqualTo(co.organisation().tree().path(c.sectionA()));
            assertThat(chief.organisation().tree().all()).hasSize(3);
            Template local = chief.selfChecks().open(opened.responseId()).template();
            assertThat(local.frozen()).isTrue();
            assertThat(local.version()).isEqualTo(c.template().version());
            assertThat(SelfCheckHandoverService.fingerprint(local)).isEqualTo(SelfCheckHandoverService.fingerprint(c.template()));
            assertThat(chief.selfChecks().respondingUnits()).extracting(Unit::name).containsExactly("Sektion A");

            // A draft comes back as a draft.
            chief.selfChecks().saveDraft(opened.responseId(), answers(local, "NEJ", "70", "Förkläden saknas"));
            Path draft = chief.selfCheckHandover().exportAnswers(opened.responseId(), dir.resolve("utkast.kvh-svar"));
            var imported = co.selfCheckHandover().importAnswers(draft, null);
            assertThat(imported.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(response(co, c.round().id(), c.sectionA()).status()).isEqualTo(ResponseStatus.DRAFT);

            // The same answers submitted: no conflict, the response becomes submitted with who and when from the file.
            var res = chief.selfChecks().submit(opened.responseId(), answers(local, "NEJ", "70", "Förkläden saknas"));
            assertThat(res.ok()).isTrue();
            chief.selfChecks().addAction(opened.responseId(), qid(local, "klader"), "Beställ fler arbetskläder",
                    "Anna", TestDb.TODAY.plusDays(20));
            Path answers = chief.selfCheckHandover().exportAnswers(opened.responseId(),
                    dir.resolve(SelfCheckHandoverService.answersFileName(c.round().name(), "Sektion A")));
            int auditBefore = co.audit().count();
            var submitted = co.selfCheckHandover().importAnswers(answers, null);
            assertThat(submitted.outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(co.audit().count()).as("the import is audited").isGreaterThan(auditBefore);
            ResponseRow row = response(co, c.round().id(), c.sectionA());
            assertThat(row.status()).isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(row.submittedAt()).isEqualTo(response(chief, opened.roundId(), opened.unitId()).submittedAt()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(co.audit().history("self_check_response", row.id()).getFirst().afterJson())
                    .contains("Sektionschef Anna");

            // The compilation in the coordinator's database has the same numbers as the chief's.
            Compilation mine = chief.selfChecks().compile(opened.roundId());
            Compilation theirs = co.selfChecks().compile(c.round().id());
            assertThat(theirs.questions()).hasSameSizeAs(mine.questions());
            for (int i = 0; i < mine.questions().size(); i++) {
                var m = mine.questions().get(i);
                var t = theirs.questions().get(i);
                assertThat(t.answered()).isEqualTo(m.answered());
                assertThat(t.counts()).isEqualTo(m.counts());
                assertThat(t.mean()).isEqualTo(m.mean());
                assertThat(t.findings()).isEqualTo(m.findings());
            }
            var kladerStats = theirs.questions().stream().filter(q -> q.questionId() == qid(c.template(), "klader"))
                    .findFirst().orElseThrow();
            assertThat(kladerStats.count("NEJ")).isEqualTo(1);
            var unitA = theirs.units().stream().filter(u -> u.unitId() == c.sectionA()).findFirst().orElseThrow();
            assertThat(unitA.findings()).isPositive().isEqualTo(mine.units().getFirst().findings());
            assertThat(unitA.result()).isEqualTo(mine.units().getFirst().result());
            assertThat(unitA.actions()).containsExactly("Beställ fler arbetskläder");
            assertThat(co.selfCheckRepository().answers(row.id()).get(qid(c.template(), "klader")).comment())
                    .isEqualTo("Förkläden saknas");

            // The same file again changes nothing and says so.
            int auditAfter = co.audit().count();
            var twice = co.selfCheckHandover().importAnswers(answers, null);
            assertThat(twice.outcome()).isEqualTo(ImportOutcome.ALREADY_IMPORTED);
            assertThat(twice.earlierOutcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(co.audit().count()).isEqualTo(auditAfter);
            assertThat(co.selfChecks().compile(c.round().id()).units()).isEqualTo(theirs.units());
        }
    }

    @Test
    void aDamagedFileIsRefusedWithAClearSwedishMessage() throws Exception {
        Coordinator c = coordinator();
        try (AppContext co = c.ctx(); AppContext chief = chief("Sektionschef Anna")) {
            Path form = co.selfCheckHandover().exportForm(c.round().id(), c.sectionA(), dir.resolve("form.kvh-egenkontroll"));
            Path answers = answerAndExport(chief, form, "NEJ", "70", dir.resolve("svar.kvh-svar"));

            byte[] bytes = Files.readAllBytes(answers);
            int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Webbutbildning") + 3;
            bytes[at] ^= 0x01;
            Files.write(answers, bytes);
            var result = co.selfCheckHandover().importAnswers(answers, null);
            assertThat(result.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(result.message()).startsWith("Filen är skadad");
            assertThat(response(co, c.round().id(), c.sectionA()).status()).isEqualTo(ResponseStatus.NOT_STARTED);

            // A byte that breaks the JSON itself is reported the same way.
            byte[] formBytes = Files.readAllBytes(form);
            formBytes[formBytes.length / 2] = (byte) '{';
            Path broken = Files.write(dir.resolve("trasig.kvh-egenkontroll"), formBytes);
            assertThatThrownBy(() -> chief.selfCheckHandover().openForm(broken)).hasMessageStartingWith("Filen är skadad");

            // A form file is not an answer file.
            var wrongKind = co.selfCheckHandover().importAnswers(form, null);
            assertThat(wrongKind.message()).isEqualTo("Filen är en formulärfil för egenkontroll, inte en svarsfil för egenkontroll.");
        }
    }

    @Test
    void aByteOrderMarkIsAcceptedAndADuplicateKeyIsRefused() throws Exception {
        Coordinator c = coordinator();
        try (AppContext co = c.ctx(); AppContext chief = chief("Sektionschef Anna")) {
            Path form = co.selfCheckHandover().exportForm(c.round().id(), c.sectionA(), dir.resolve("form.kvh-egenkontroll"));
            Path answers = answerAndExport(chief, form, "NEJ", "70", dir.resolve("svar.kvh-svar"));

            // issue 16: a mail program or editor that adds a BOM has not damaged the file
            byte[] body = Files.readAllBytes(answers);
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            Path bom = Files.write(dir.resolve("bom.kvh-svar"), withBom);

            // a second "format" key: a reader keeping the last one could be made to read something else
            String text = new String(body, StandardCharsets.UTF_8);
            Path dup = Files.writeString(dir.resolve("dubbel.kvh-svar"),
                    text.replaceFirst("\\{", "{\"format\": \"x\","), StandardCharsets.UTF_8);
            var refused = co.selfCheckHandover().importAnswers(dup, null);
            assertThat(refused.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(refused.message()).contains("samma fält två gånger");

            assertThat(co.selfCheckHandover().importAnswers(bom, null).outcome()).isEqualTo(ImportOutcome.IMPORTED);
        }
    }

    @Test
    void filesOfAnotherRoundAnotherTemplateVersionAUnitOutsideTheRoundOrInvalidAnswersAreRefused() throws Exception {
        Coordinator c = coordinator();
        try (AppContext co = c.ctx(); AppContext other = TestDb.open(Files.createDirectories(dir.resolve("annan")))) {
            // Another municipality's round of the same template: same keys, another round.
            Unit u = other.units().save(new Unit(null, null, "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                    null, null, null));
            Template t = other.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
            Round r = other.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
            long rid = response(other, r.id(), u.id()).id();
            other.selfChecks().submit(rid, answers(t, "JA", "90", null));
            Path foreign = other.selfCheckHandover().exportAnswers(rid, dir.resolve("annan.kvh-svar"));
            var result = co.selfCheckHandover().importAnswers(foreign, null);
            assertThat(result.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(result.message()).startsWith("Filen hör till en annan omgång");

            // Files written for this round but with a wrong template version, a unit outside it, invalid answers.
            Path form = co.selfCheckHandover().exportForm(c.round().id(), c.sectionA(), dir.resolve("f.kvh-egenkontroll"));
            var round = SelfCheckHandoverJson.readForm(form).content().round();
            String fp = SelfCheckHandoverService.fingerprint(c.template());
            var good = List.of(new Handover.KeyedAnswer("klader", "JA", null, false));
            Path wrongVersion = dir.resolve("v2.kvh-svar");
            SelfCheckHandoverJson.write(new Handover.AnswerFile(round, "0".repeat(64), c.template().name(), 2,
                    c.sectionA(), "Sektion A", null, ResponseStatus.DRAFT, null, null, good, List.of(), "x", null),
                    wrongVersion);
            assertThat(co.selfCheckHandover().importAnswers(wrongVersion, null).message())
                    .startsWith("Filen hör till en annan omgång eller mallversion");
            Path wrongUnit = dir.resolve("enhet.kvh-svar");
            SelfCheckHandoverJson.write(new Handover.AnswerFile(round, fp, c.template().name(), 1, c.enhet(),
                    "Hemtjänst Norr", null, ResponseStatus.DRAFT, null, null, good, List.of(), "x", null), wrongUnit);
            assertThat(co.selfCheckHandover().importAnswers(wrongUnit, null).message())
                    .isEqualTo("Enheten ”Hemtjänst Norr” (id " + c.enhet() + ") ingår inte i omgången ”"
                            + c.round().name() + "”.");
            Path invalid = dir.resolve("ogiltig.kvh-svar");
            SelfCheckHandoverJson.write(new Handover.AnswerFile(round, fp, c.template().name(), 1, c.sectionA(),
                    "Sektion A", null, ResponseStatus.SUBMITTED, "x", null,
                    List.of(new Handover.KeyedAnswer("klader", "KANSKE", null, false),
                            new Handover.KeyedAnswer("ppm_andel", "140", null, false),
                            new Handover.KeyedAnswer("okand", "JA", null, false)), List.of(), "x", null), invalid);
            var bad = co.selfCheckHandover().importAnswers(invalid, null);
            assertThat(bad.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(bad.problems()).extracting(Problem::messageKey).containsExactlyInAnyOrder(
                    "selfcheck.answer.notAChoice", "selfcheck.answer.notAPercentage", "selfcheck.handover.unknownQuestion");
            assertThat(co.selfCheckRepository().answers(response(co, c.round().id(), c.sectionA()).id())).isEmpty();
        }
    }

    @Test
    void aSecondDifferentAnswerFromTheSameUnitIsAConflictAndBothChoicesWork() throws Exception {
        Coordinator c = coordinator();
        try (AppContext co = c.ctx(); AppContext anna = chief("Anna"); AppContext bo = chief("Bo")) {
            Path form = co.selfCheckHandover().exportForm(c.round().id(), c.sectionA(), dir.resolve("form.kvh-egenkontroll"));
            Path first = answerAndExport(anna, form, "NEJ", "70", dir.resolve("anna.kvh-svar"));
            assertThat(co.selfCheckHandover().importAnswers(first, null).outcome()).isEqualTo(ImportOutcome.IMPORTED);
            long responseId = response(co, c.round().id(), c.sectionA()).id();
            long klader = qid(c.template(), "klader");

            Path second = answerAndExport(bo, form, "DELVIS", "90", dir.resolve("bo.kvh-svar"));
            int audit = co.audit().count();
            var conflict = co.selfCheckHandover().importAnswers(second, null);
            assertThat(conflict.outcome()).isEqualTo(ImportOutcome.CONFLICT);
            assertThat(conflict.conflict().existingStatus()).isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(conflict.conflict().fileSubmittedBy()).isEqualTo("Bo");
            assertThat(co.audit().count()).as("a conflict writes nothing").isEqualTo(audit);

            var kept = co.selfCheckHandover().importAnswers(second, ConflictChoice.KEEP_EXISTING);
            assertThat(kept.outcome()).isEqualTo(ImportOutcome.KEPT_EXISTING);
            assertThat(co.selfCheckRepository().answers(responseId).get(klader).value()).isEqualTo("NEJ");
            assertThat(co.selfCheckHandover().importAnswers(second, null).outcome()).isEqualTo(ImportOutcome.ALREADY_IMPORTED);

            // Bo corrects his answers and sends them again; this time the file is used.
            long boResponse = bo.selfCheckHandover().openForm(form).responseId();
            assertThat(bo.selfChecks().reopen(boResponse, "Rättar andelen").ok()).isTrue();
            Template boTemplate = bo.selfChecks().open(boResponse).template();
            assertThat(bo.selfChecks().submit(boResponse, answers(boTemplate, "JA", "95", null)).ok()).isTrue();
            Path third = bo.selfCheckHandover().exportAnswers(boResponse, dir.resolve("bo2.kvh-svar"));
            assertThat(co.selfCheckHandover().importAnswers(third, null).outcome()).isEqualTo(ImportOutcome.CONFLICT);
            var replaced = co.selfCheckHandover().importAnswers(third, ConflictChoice.USE_FILE);
            assertThat(replaced.outcome()).isEqualTo(ImportOutcome.REPLACED);
            var stored = co.selfCheckRepository().answers(responseId);
            assertThat(stored.get(klader).value()).isEqualTo("JA");
            assertThat(stored.get(klader).comment()).as("Bo left no comment").isNull();
            assertThat(stored.get(qid(c.template(), "ppm_andel")).value()).isEqualTo("95");
            assertThat(co.audit().history("self_check_response", responseId).getFirst().afterJson()).contains("\"Bo\"");
            Compilation comp = co.selfChecks().compile(c.round().id());
            assertThat(comp.questions().stream().filter(q -> q.questionId() == klader).findFirst().orElseThrow()
                    .count("JA")).isEqualTo(1);

            // A draft file chosen over a submitted response reopens it, with the reason in the audit trail.
            long boDraft = bo.selfCheckHandover().openForm(form).responseId();
            assertThat(bo.selfChecks().reopen(boDraft, "Ett svar till").ok()).isTrue();
            assertThat(bo.selfChecks().saveDraft(boDraft, answers(boTemplate, "NEJ", "60", "Ändrar mig"))).isPositive();
            Path draft = bo.selfCheckHandover().exportAnswers(boDraft, dir.resolve("bo-utkast.kvh-svar"));
            assertThat(co.selfCheckHandover().importAnswers(draft, ConflictChoice.USE_FILE).outcome())
                    .isEqualTo(ImportOutcome.REPLACED);
            assertThat(response(co, c.round().id(), c.sectionA()).status()).isEqualTo(ResponseStatus.REOPENED);
            assertThat(co.audit().history("self_check_response", responseId).getFirst().afterJson())
                    .contains("Ersatt med utkastet i svarsfilen bo-utkast.kvh-svar vid import.");
        }
    }
}
