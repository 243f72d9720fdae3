package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line of decision 0013: exit codes and messages a script and a person rely on. */
class EncryptCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = RootCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String digest(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void encryptThenEveryCommandNeedsThePassphraseAndAWrongOneChangesNothing() throws Exception {
        Path db = dir.resolve("kvh.db");
        Path pass = dir.resolve("pass.txt");
        Path wrong = dir.resolve("wrong.txt");
        Path fresh = dir.resolve("new.txt");
        Files.writeString(pass, "vår egen långa lösenfras\n");
        Files.writeString(wrong, "inte den rätta lösenfrasen\n");
        Files.writeString(fresh, "en ny och ännu längre lösenfras\r\n");
        se.kvalitetshjulet.data.Database.open(db).close(); // a small, current database

        Run enc = run("encrypt", "--db", db.toString(), "--passphrase-file", pass.toString());
        assertThat(enc.code()).as(enc.err()).isZero();
        assertThat(enc.out()).contains("Databasen är nu krypterad", "Säkerhetskopia", "ingen kan återställa");
        String encrypted = digest(db);

        Run none = run("check", "--db", db.toString());
        assertThat(none.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(none.err()).contains("--passphrase-file", "KVALITETSHJULET_PASSPHRASE", "Filen har inte ändrats");
        Run bad = run("check", "--db", db.toString(), "--passphrase-file", wrong.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(bad.err()).contains("Lösenfrasen öppnar inte");
        Run missingFile = run("check", "--db", db.toString(), "--passphrase-file", dir.resolve("nej.txt").toString());
        assertThat(missingFile.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(digest(db)).isEqualTo(encrypted);

        Run ok = run("check", "--db", db.toString(), "--passphrase-file", pass.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Avvikelser:");

        Run rekey = run("rekey", "--db", db.toString(), "--passphrase-file", pass.toString(),
                "--new-passphrase-file", fresh.toString());
        assertThat(rekey.code()).as(rekey.err()).isZero();
        assertThat(run("check", "--db", db.toString(), "--passphrase-file", pass.toString()).code())
                .isEqualTo(ExitCodes.REJECTED);
        assertThat(run("check", "--db", db.toString(), "--passphrase-file", fresh.toString()).code()).isZero();
    }

    @Test
    void aShortPassphraseIsRejectedWithExitThreeAndTheFileIsUntouched() throws Exception {
        Path db = dir.resolve("kvh.db");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "kort\n");
        se.kvalitetshjulet.data.Database.open(db).close(); // a small, current database
        String before = digest(db);
        Run r = run("encrypt", "--db", db.toString(), "--passphrase-file", pass.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(r.err()).contains("minst 10 tecken");
        assertThat(digest(db)).isEqualTo(before);
    }

    @Test
    void anEncryptedDatabaseIsBackedUpEncryptedAndRestoredAfterDamageWithIdenticalRecords() throws Exception {
        Path db = dir.resolve("kvh.db");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "vår egen långa lösenfras\n");
        se.kvalitetshjulet.domain.Passphrase key = se.kvalitetshjulet.domain.Passphrase.of("vår egen långa lösenfras");
        java.util.List<String> units;
        try (var ctx = new se.kvalitetshjulet.app.AppContext(se.kvalitetshjulet.data.Database.open(db, key),
                java.time.Clock.systemDefaultZone())) {
            var adm = ctx.units().save(new se.kvalitetshjulet.domain.org.Unit(null, null, "Förvaltningen Solbacken",
                    se.kvalitetshjulet.domain.org.OrgLevel.FORVALTNING, null,
                    se.kvalitetshjulet.domain.org.ProviderKind.KOMMUNAL, null, null, null));
            for (int i = 0; i < 300; i++) {
                ctx.units().save(new se.kvalitetshjulet.domain.org.Unit(null, adm.id(), "Hemtjänstgruppen Ekbacken " + i,
                        se.kvalitetshjulet.domain.org.OrgLevel.AVDELNING, null,
                        se.kvalitetshjulet.domain.org.ProviderKind.KOMMUNAL, null, null, null));
            }
            units = ctx.units().findAll().stream().map(se.kvalitetshjulet.domain.org.Unit::name).sorted().toList();
        }
        Run made = run("backup", "create", "--db", db.toString(), "--passphrase-file", pass.toString());
        assertThat(made.code()).as(made.err()).isZero();
        Path backup = se.kvalitetshjulet.data.Backups.list(db).getFirst().file();
        assertThat(se.kvalitetshjulet.data.Database.mayBeEncrypted(backup)).as("the backup is encrypted").isTrue();
        assertThat(new String(Files.readAllBytes(backup), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Ekbacken").doesNotContain("Solbacken");

        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            new java.util.Random(16).nextBytes(junk);
            raf.seek((raf.length() / 4096 - 2) * 4096); // a data page (the schema fills the first pages)
            raf.write(junk);
        }
        Run restored = run("backup", "restore", backup.getFileName().toString(), "--db", db.toString(),
                "--passphrase-file", pass.toString());
        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        assertThat(run("check", "--db", db.toString(), "--passphrase-file", pass.toString()).code()).isZero();
        try (var ctx = new se.kvalitetshjulet.app.AppContext(se.kvalitetshjulet.data.Database.open(db, key),
                java.time.Clock.systemDefaultZone())) {
            assertThat(ctx.units().findAll().stream().map(se.kvalitetshjulet.domain.org.Unit::name).sorted().toList())
                    .isEqualTo(units);
        }
        assertThat(se.kvalitetshjulet.data.Database.mayBeEncrypted(db)).isTrue();
    }

    @Test
    void versionShowsVersionAndBuild() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Kvalitetshjulet ").contains("bygge ").doesNotContain("${");
    }
}
