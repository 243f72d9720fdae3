package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Handover.ImportOutcome;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;

/**
 * Issue 16 item 8, decision 16: the answer file is signed with the key the coordinator's database put in the
 * unit's form file, so a file edited by hand (with its SHA-256 recomputed), one made for another unit or another
 * round, and an unsigned one are refused and write nothing; the one the form produced is taken in.
 */
class HandoverSignatureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private AppContext co;
    private Round round;
    private Round otherRound;
    private long sectionA;
    private long sectionB;

    private void coordinator() throws Exception {
        co = TestDb.open(Files.createDirectories(dir.resolve("samordnare")));
        Unit enhet = co.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        sectionA = co.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        sectionB = co.units().save(new Unit(null, enhet.id(), "Sektion B", OrgLevel.SEKTION, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        Template t = co.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        round = co.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        otherRound = co.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, false)).value();
        co.actor().choose("Samordnare Siv");
    }

    private static long qid(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow().id();
    }

    /** The chief opens the form in an own database, submits answers and exports them. */
    private Path answered(Path form, String name, String klader) throws Exception {
        try (AppContext chief = TestDb.open(Files.createDirectories(dir.resolve(name)))) {
            chief.actor().choose("Sektionschef " + name);
            var opened = chief.selfCheckHandover().openForm(form);
            Template t = chief.selfChecks().open(opened.responseId()).template();
            List<Answer> a = new ArrayList<>();
            a.add(new Answer(null, qid(t, "ppm_datum"), "2026-03-10", null));
            a.add(new Answer(null, qid(t, "ppm_andel"), "70", null));
            a.add(new Answer(null, qid(t, "klader"), klader, null));
            a.add(new Answer(null, qid(t, "smycken"), "JA", null));
            a.add(new Answer(null, qid(t, "ombud"), "DELVIS", null));
            a.add(new Answer(null, qid(t, "intro"), "Webbutbildning", null));
            assertThat(chief.selfChecks().submit(opened.responseId(), a).ok()).isTrue();
            return chief.selfCheckHandover().exportAnswers(opened.responseId(), dir.resolve(name + ".kvh-svar"));
        }
    }

    /** What someone editing the file by hand would do after changing it: recompute the SHA-256 checksum. */
    private static void rehash(ObjectNode root, Path target) throws Exception {
        ObjectNode covered = root.deepCopy();
        covered.remove("checksum");
        ((ObjectNode) root.get("checksum")).put("value", SelfCheckHandoverJson.sha256(SelfCheckHandoverJson.canonical(covered)));
        Files.writeString(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    }

    private int writesIn(AppContext ctx) {
        return ctx.audit().count();
    }

    private ResponseStatus status(Round r, long unit) {
        return co.selfChecks().responses(r.id(), unit).getFirst().status();
    }

    @Test
    void anAnswerFileEditedByHandWithItsChecksumRecomputedIsRefusedAndWritesNothing() throws Exception {
        coordinator();
        try (AppContext closing = co) {
            Path form = co.selfCheckHandover().exportForm(round.id(), sectionA, dir.resolve("a.kvh-egenkontroll"));
            Path answers = answered(form, "anna", "NEJ");
            assertThat(Files.readString(answers)).contains("HMAC-SHA256");

            ObjectNode root = (ObjectNode) JSON.readTree(answers.toFile());
            ObjectNode payload = (ObjectNode) root.get("payload");
            payload.put("exportedBy", "Verksamhetschef Vera");
            for (var a : (ArrayNode) payload.get("response").get("answers")) {
                if (a.get("question").asText().equals("klader")) {
                    ((ObjectNode) a).put("value", "JA");
                }
            }
            Path edited = dir.resolve("redigerad.kvh-svar");
            rehash(root, edited);
            int before = writesIn(co);
            var result = co.selfCheckHandover().importAnswers(edited, null);
            assertThat(result.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(result.message()).startsWith("Svarsfilen är inte underskriven med nyckeln i formuläret")
                    .contains("”Sektion A”").contains("Inget har lästs in");
            assertThat(writesIn(co)).as("nothing written, not even the import log").isEqualTo(before);
            assertThat(status(round, sectionA)).isEqualTo(ResponseStatus.NOT_STARTED);

            // The file the form produced is taken in.
            assertThat(co.selfCheckHandover().importAnswers(answers, null).outcome()).isEqualTo(ImportOutcome.IMPORTED);
            assertThat(status(round, sectionA)).isEqualTo(ResponseStatus.SUBMITTED);
            assertThat(co.selfCheckRepository().answers(co.selfChecks().responses(round.id(), sectionA).getFirst().id())
                    .values()).anySatisfy(a -> assertThat(a.value()).isEqualTo("NEJ"));
        }
    }

    @Test
    void aFileSignedForAnotherUnitOrAnotherRoundIsRefused() throws Exception {
        coordinator();
        try (AppContext closing = co) {
            Path formA = co.selfCheckHandover().exportForm(round.id(), sectionA, dir.resolve("a.kvh-egenkontroll"));
            Path formOther = co.selfCheckHandover().exportForm(otherRound.id(), sectionA, dir.resolve("o.kvh-egenkontroll"));
            assertThat(SelfCheckHandoverJson.readForm(formA).answerKey())
                    .as("each round has its own key").isNotEqualTo(SelfCheckHandoverJson.readForm(formOther).answerKey());
            Path answersA = answered(formA, "anna", "NEJ");

            // Sektion A's answers passed off as Sektion B's.
            ObjectNode root = (ObjectNode) JSON.readTree(answersA.toFile());
            ObjectNode unit = (ObjectNode) root.get("payload").get("unit");
            unit.put("id", sectionB);
            unit.put("name", "Sektion B");
            Path asB = dir.resolve("som-b.kvh-svar");
            rehash(root, asB);
            int before = writesIn(co);
            var asOtherUnit = co.selfCheckHandover().importAnswers(asB, null);
            assertThat(asOtherUnit.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(asOtherUnit.message()).startsWith("Svarsfilen är inte underskriven").contains("”Sektion B”");

            // The answers to one round moved to the other round of the same template.
            root = (ObjectNode) JSON.readTree(answersA.toFile());
            ObjectNode r = (ObjectNode) root.get("payload").get("round");
            ObjectNode otherRef = (ObjectNode) JSON.readTree(formOther.toFile()).get("payload").get("round");
            r.setAll(otherRef);
            Path moved = dir.resolve("flyttad.kvh-svar");
            rehash(root, moved);
            var asOtherRound = co.selfCheckHandover().importAnswers(moved, null);
            assertThat(asOtherRound.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(asOtherRound.message()).startsWith("Svarsfilen är inte underskriven")
                    .contains("”" + otherRound.name() + "”");
            assertThat(writesIn(co)).isEqualTo(before);
            assertThat(status(round, sectionB)).isEqualTo(ResponseStatus.NOT_STARTED);
            assertThat(status(otherRound, sectionA)).isEqualTo(ResponseStatus.NOT_STARTED);
        }
    }

    @Test
    void anUnsignedFileIsRefusedWithWhatToDoAndAnOldFormCannotProduceOne() throws Exception {
        coordinator();
        try (AppContext closing = co) {
            Path form = co.selfCheckHandover().exportForm(round.id(), sectionA, dir.resolve("a.kvh-egenkontroll"));
            Path answers = answered(form, "anna", "NEJ");
            ObjectNode root = (ObjectNode) JSON.readTree(answers.toFile());
            root.remove("signature");
            Path unsigned = dir.resolve("osignerad.kvh-svar");
            rehash(root, unsigned);
            int before = writesIn(co);
            var result = co.selfCheckHandover().importAnswers(unsigned, null);
            assertThat(result.outcome()).isEqualTo(ImportOutcome.REJECTED);
            assertThat(result.message()).startsWith("Svarsfilen saknar underskrift")
                    .contains("Skicka en ny formulärfil till enheten");
            assertThat(writesIn(co)).isEqualTo(before);

            // A form file from before signatures (no key in it): the chief's answers cannot be exported signed, and
            // the chief is told so before a useless file is sent; a new form file brings the key, the answers stay.
            ObjectNode formRoot = (ObjectNode) JSON.readTree(form.toFile());
            ((ObjectNode) formRoot.get("payload")).remove("answerKey");
            Path oldForm = dir.resolve("gammal.kvh-egenkontroll");
            rehash(formRoot, oldForm);
            try (AppContext chief = TestDb.open(Files.createDirectories(dir.resolve("bertil")))) {
                var opened = chief.selfCheckHandover().openForm(oldForm);
                Template t = chief.selfChecks().open(opened.responseId()).template();
                chief.selfChecks().saveDraft(opened.responseId(),
                        List.of(new Answer(null, qid(t, "klader"), "NEJ", "Förkläden saknas")));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> chief.selfCheckHandover()
                        .exportAnswers(opened.responseId(), dir.resolve("b.kvh-svar")))
                        .hasMessageContaining("kan därför inte skrivas under")
                        .hasMessageContaining("Be samordnaren om en ny formulärfil");
                var reopened = chief.selfCheckHandover().openForm(form);
                assertThat(reopened.responseId()).isEqualTo(opened.responseId());
                assertThat(chief.selfChecks().open(opened.responseId()).answers().get(qid(t, "klader")).value())
                        .as("the draft survives the new form").isEqualTo("NEJ");
                Path signed = chief.selfCheckHandover().exportAnswers(opened.responseId(), dir.resolve("b.kvh-svar"));
                assertThat(co.selfCheckHandover().importAnswers(signed, null).outcome()).isEqualTo(ImportOutcome.IMPORTED);
            }
        }
    }

    @Test
    void theKeysNeverReachTheAuditTrail() throws Exception {
        coordinator();
        try (AppContext closing = co) {
            Path form = co.selfCheckHandover().exportForm(round.id(), sectionA, dir.resolve("a.kvh-egenkontroll"));
            String key = SelfCheckHandoverJson.readForm(form).answerKey();
            assertThat(key).hasSize(64);
            try (var conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + co.database().file());
                 var st = conn.createStatement()) {
                String secret;
                try (var rs = st.executeQuery("SELECT secret FROM self_check_round_key WHERE round_id = " + round.id())) {
                    assertThat(rs.next()).as("the round has a secret").isTrue();
                    secret = rs.getString(1);
                }
                assertThat(SelfCheckHandoverJson.unitKey(secret, SelfCheckHandoverJson.readForm(form).content().round()
                        .uid(), sectionA)).as("the form's key is derived from it").isEqualTo(key);
                try (var rs = st.executeQuery("SELECT group_concat(coalesce(before_json, '') || coalesce(after_json, ''))"
                        + " FROM audit_log")) {
                    rs.next();
                    assertThat(rs.getString(1)).contains("[nyckel, sparas inte i loggen]").doesNotContain(secret)
                            .doesNotContain(key);
                }
            }
        }
    }
}
