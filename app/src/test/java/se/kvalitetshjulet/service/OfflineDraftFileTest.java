package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;

/**
 * h6 (issue 15, decision 0037): a kept self-check draft holds answers about care, perhaps free text about people, so
 * its file is encrypted, owner-only, and a file that does not decrypt (damaged, another key, moved to another
 * self-check) is refused untouched and reported, never dropped. A kept draft the server refuses on arrival is kept and
 * the person told why. (The file does not depend on the engine; the send to a server is in OfflineDraftServiceTest.)
 */
class OfflineDraftFileTest {
    @TempDir
    Path dir;

    private AppContext ctx;
    private OfflineDraftService drafts;
    private Path folder;
    private long response;
    private Question percent;
    private Question clothes;
    private final List<OfflineDraftService.Sent> sent = new ArrayList<>();
    private final List<OfflineDraftService.NotTaken> notTaken = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestDb.open(dir);
        Unit unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
        Round r = ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
        response = ctx.selfChecks().responses(r.id(), unit.id()).getFirst().id();
        percent = t.questions().filter(q -> q.key().equals("ppm_andel")).findFirst().orElseThrow();
        clothes = t.questions().filter(q -> q.key().equals("klader")).findFirst().orElseThrow();
        folder = dir.resolve("utkast-server").resolve("anna@kvh.example.se_5432_kvh");
        drafts = new OfflineDraftService(ctx.selfChecks(), null, folder);
        drafts.listen(new OfflineDraftService.Listener() {
            @Override
            public void sent(OfflineDraftService.Sent s) {
                sent.add(s);
            }

            @Override
            public void notTaken(OfflineDraftService.NotTaken n) {
                notTaken.add(n);
            }
        });
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        ctx.close();
    }

    private void keep(Long version) {
        drafts.keep(new OfflineDraftService.Kept(response, LocalDateTime.of(2026, 11, 23, 14, 5), List.of(
                new Answer(null, percent.id(), "95", null),
                new Answer(null, clothes.id(), "NEJ", "Eva Andersson fick inget förkläde")), version));
    }

    private Path file() {
        return folder.resolve(response + ".kvh-utkast");
    }

    private String stored(Question q) {
        var a = ctx.selfChecks().open(response).answers().get(q.id());
        return a == null ? null : a.value();
    }

    @Test
    void theKeptFileIsEncryptedOwnerOnlyAndSentAsAnyOther() throws Exception {
        keep(null);

        byte[] bytes = Files.readAllBytes(file());
        String asText = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(asText).startsWith("KVHUTKAST1").doesNotContain("Eva").doesNotContain("answers")
                .doesNotContain("förkläde");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("utkast.nyckel"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(drafts.status().waiting()).isEqualTo(1);
        assertThat(drafts.status().oldestKeptAt()).isEqualTo(LocalDateTime.of(2026, 11, 23, 14, 5));

        assertThat(drafts.sendKept()).isEqualTo(1);
        assertThat(stored(percent)).isEqualTo("95");
        assertThat(ctx.selfChecks().open(response).answers().get(clothes.id()).comment())
                .isEqualTo("Eva Andersson fick inget förkläde");
        assertThat(file()).doesNotExist();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.responseId()).isEqualTo(response);
            assertThat(s.version()).isEqualTo(ctx.selfChecks().open(response).version());
        });
        assertThat(drafts.status().lastSentAt()).isNotNull();
    }

    @Test
    void aDamagedFileIsRefusedUntouchedAndReported() throws Exception {
        keep(null);
        byte[] bytes = Files.readAllBytes(file());
        bytes[bytes.length - 20] ^= 0x01; // one bit of the answers changed on disk
        Files.write(file(), bytes);

        assertThat(drafts.sendKept()).isZero();

        assertThat(file()).exists();
        assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
        assertThat(stored(percent)).isNull();
        assertThat(drafts.status().unreadable()).containsExactly(file());
        assertThat(drafts.waiting()).isZero();
        assertThat(sent).isEmpty();
        assertThat(notTaken).isEmpty();
    }

    @Test
    void aFileKeyedForAnotherUserOrMovedToAnotherSelfCheckIsRefusedUntouched() throws Exception {
        keep(null);
        byte[] bytes = Files.readAllBytes(file());

        // the file renamed to another self-check: the associated data no longer matches
        Path other = folder.resolve((response + 1) + ".kvh-utkast");
        Files.move(file(), other);
        assertThat(drafts.sendKept()).isZero();
        assertThat(drafts.status().unreadable()).containsExactly(other);
        Files.move(other, file());

        // another OS user's key (or a lost key file replaced): never decrypts, never overwritten
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        Files.write(folder.resolve("utkast.nyckel"), otherKey);
        assertThat(drafts.sendKept()).isZero();
        assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
        assertThat(Files.readAllBytes(folder.resolve("utkast.nyckel"))).isEqualTo(otherKey);
        assertThat(drafts.status().unreadable()).containsExactly(file());
        assertThat(stored(percent)).isNull();

        // a damaged key file is not replaced: a new draft cannot be kept, and says so
        Files.writeString(folder.resolve("utkast.nyckel"), "inte en nyckel");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keep(null))
                .hasMessageContaining("nyckelfilen").hasMessageContaining("kontakta IT");
        assertThat(Files.readString(folder.resolve("utkast.nyckel"))).isEqualTo("inte en nyckel");
    }

    @Test
    void aDraftSomeoneElseOvertookIsKeptAndTheConflictIsGivenToThePerson() throws Exception {
        long read = ctx.selfChecks().open(response).version();
        keep(read);
        // someone else saves the same self-check while the laptop is offline
        ctx.selfChecks().saveDraft(response, List.of(new Answer(null, percent.id(), "70", null)), read);

        assertThat(drafts.sendKept()).isZero();

        assertThat(stored(percent)).isEqualTo("70");
        assertThat(notTaken).singleElement().satisfies(n -> {
            assertThat(n.refusal()).isEqualTo(OfflineDraftService.Refusal.STALE);
            assertThat(n.conflict().theirs().get(percent.id()).value()).isEqualTo("70");
            assertThat(n.answers()).extracting(Answer::value).containsExactly("95", "NEJ");
            assertThat(n.file()).exists();
            assertThat(new String(Files.readAllBytes(n.file()), StandardCharsets.ISO_8859_1)).startsWith("KVHUTKAST1");
        });
        assertThat(drafts.status().notTaken()).isEqualTo(1);
        assertThat(drafts.waiting()).isZero();

        drafts.settled(response);
        assertThat(drafts.status().notTaken()).isZero();
    }

    @Test
    void aDraftOfASelfCheckSubmittedMeanwhileIsKeptAsNotTaken() throws Exception {
        keep(null);
        var form = ctx.selfChecks().open(response);
        List<Answer> all = new ArrayList<>();
        form.template().questions().forEach(q -> all.add(new Answer(null, q.id(), switch (q.key()) {
            case "ppm_andel" -> "88";
            case "ppm_datum" -> "2026-11-02";
            case "intro" -> "Webbutbildning";
            default -> "JA";
        }, null)));
        assertThat(ctx.selfChecks().submit(response, all).ok()).isTrue();

        drafts.sendKept();

        assertThat(stored(percent)).isEqualTo("88");
        assertThat(notTaken).singleElement().extracting(OfflineDraftService.NotTaken::refusal)
                .isEqualTo(OfflineDraftService.Refusal.LOCKED);
        assertThat(drafts.status().notTaken()).isEqualTo(1);
    }
}
