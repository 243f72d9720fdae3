package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.domain.Passphrase;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;

/**
 * {@code encrypt} killed with SIGKILL at each of its steps (and while it writes the copy) leaves either the old plain
 * database or the new encrypted one, each whole and with every record — never a broken file.
 */
class EncryptKillTest {
    static final String PASS = "rätt häst batteri häftklammer";

    @TempDir
    static Path shared;
    static Path plainDemo;
    static long deviations;

    @TempDir
    Path dir;

    @BeforeAll
    static void demo() {
        try (AppContext ctx = TestDb.demo(shared)) {
            plainDemo = ctx.database().file();
            deviations = ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY);
        }
    }

    /** "copying": killed as soon as the temporary copy appears, i.e. in the middle of writing it. */
    @ParameterizedTest
    @ValueSource(strings = {"copying", "written", "verified", "backed-up", "moved"})
    void killedAtAnyStepTheFileIsTheOldOrTheNewOneAndWhole(String step) throws Exception {
        Path f = dir.resolve("kvh.db");
        Files.copy(plainDemo, f);
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, PASS + "\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dkvalitetshjulet.logdir=" + dir, "-Dkvalitetshjulet.home=" + dir));
        if (!step.equals("copying")) {
            cmd.add("-Dkvalitetshjulet.test.encryptPauseAfter=" + step);
        }
        cmd.addAll(List.of("se.kvalitetshjulet.Main", "encrypt", "--db", f.toString(), "--passphrase-file", pass.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (step.equals("copying")) {
            Path tmp = dir.resolve("kvh.db.kvh-rewrite");
            while (!Files.exists(tmp) && p.isAlive()) {
                Thread.onSpinWait();
            }
        } else {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("PAUSED " + step)) {
                    // wait for the step
                }
                assertThat(line).as("encrypt reached step %s", step).isEqualTo("PAUSED " + step);
                p.destroyForcibly(); // SIGKILL
            }
        }
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        boolean plain = !Database.mayBeEncrypted(f);
        Passphrase key = plain ? null : Passphrase.of(PASS);
        if (step.equals("moved")) {
            assertThat(plain).as("after the rename the file is the encrypted one").isFalse();
        } else if (!step.equals("copying")) {
            assertThat(plain).as("before the rename the file is still the plain one").isTrue();
        }
        try (AppContext ctx = new AppContext(Database.open(f, key), TestDb.clock())) {
            assertThat(String.valueOf(ctx.database().dsl().fetchValue("PRAGMA integrity_check"))).isEqualTo("ok");
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(deviations);
        }
        if (!plain) {
            try {
                Database.open(f).close();
                throw new AssertionError("an encrypted file opened without its passphrase");
            } catch (DatabaseRefusedException expected) {
                // as it should
            }
        }
        // a second run after the kill finishes the job (the stale temporary copy is removed first)
        if (plain) {
            int code = RootCommand.run("encrypt", "--db", f.toString(), "--passphrase-file", pass.toString());
            assertThat(code).isZero();
            assertThat(Database.mayBeEncrypted(f)).isTrue();
        }
    }
}
