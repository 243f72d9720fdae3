package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * A scripted session with personnummer-like input, free text about a person and failing commands, run as the real
 * program with its real log configuration: afterwards no personal number and no word of the free text is in the log.
 */
class LogPrivacyTest {
    static final String PNR = "19121212-1212";
    static final String[] SECRETS = {"121212-1212", "1212121212", "Svensson", "badrummet", "nattpersonalen"};

    @TempDir
    Path dir;

    private int program(Path logs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                // Main sets up the program's own log (LogConfiguration, decision 0039), not the tests' console one
                "-Dkvalitetshjulet.logdir=" + logs, "-Dkvalitetshjulet.home=" + dir.resolve("home"),
                "se.kvalitetshjulet.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    @Test
    void afterAScriptedSessionTheLogHoldsNoPersonalNumberAndNoFreeText() throws Exception {
        Path db = dir.resolve("k.db");
        try (AppContext ctx = new AppContext(Database.open(db), java.time.Clock.systemDefaultZone())) {
            Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                    null, null, null));
        }
        Path logs = dir.resolve("logs");
        Path good = dir.resolve("avvikelser " + PNR + ".csv");
        Files.writeString(good, "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör\n"
                + "1;2025-01-10;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Sven Svensson " + PNR
                + " föll i badrummet;nattpersonalen\n", StandardCharsets.UTF_8);
        Path bad = dir.resolve("fel.csv");
        Files.writeString(bad, "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör\n"
                + "2;" + PNR + ";Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Svensson i badrummet;nattpersonalen\n",
                StandardCharsets.UTF_8);
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "Svensson badrummet " + PNR + "\n");

        assertThat(program(logs, "import", "deviations", good.toString(), "--db", db.toString())).isZero();
        assertThat(program(logs, "import", "deviations", bad.toString(), "--db", db.toString())).isEqualTo(3);
        assertThat(program(logs, "encrypt", "--db", db.toString(), "--passphrase-file", pass.toString())).isZero();
        assertThat(program(logs, "check", "--db", db.toString())).isEqualTo(3);
        // a command that fails with the personal number in its exception message (a "folder" that is a file)
        Files.writeString(dir.resolve(PNR), "x");
        assertThat(program(logs, "export", "deviations", "--include-text", "--out",
                dir.resolve(PNR).resolve("Svensson.csv").toString(), "--db", db.toString(),
                "--passphrase-file", pass.toString())).isEqualTo(1);

        List<Path> files;
        try (Stream<Path> s = Files.list(logs)) {
            files = s.toList();
        }
        assertThat(files).as("the session wrote a log").isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            all.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        assertThat(all.toString()).as("the log has lines from the session").contains("Import");
        for (String secret : SECRETS) {
            assertThat(all.toString()).as("'%s' in the log", secret).doesNotContain(secret);
        }
    }
}
