package se.kvalitetshjulet.ui.selfcheck;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/**
 * A section chief fills in a self-check and the application is killed (SIGKILL, no shutdown hooks) in the middle
 * of typing. The real screen runs in its own JVM ({@link DraftKillDriver}); it never saves by itself, only the
 * screen's autosave writes. After the kill the database opens intact and the form shows every answer that was
 * typed more than the autosave's longest wait before the kill — even though the person never paused.
 */
class DraftSurvivesKillTest {
    /** The autosave's longest wait (5 s) plus generous slack for a busy machine. */
    private static final long GUARANTEED_AFTER_MS = 7_000;

    record Answered(long at, long questionId, String value, String comment) { }

    @Test
    void aDraftTypedBeforeTheProcessIsKilledIsThereWhenTheAppStartsAgain(@TempDir Path dir) throws Exception {
        Path dbFile = dir.resolve("laptop.db");
        long responseId;
        try (AppContext ctx = new AppContext(Database.open(dbFile), TestDb.clock())) {
            Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                    null, null, null));
            Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
            Round r = ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
            responseId = ctx.selfChecks().responses(r.id(), null).getFirst().id();
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "--enable-native-access=ALL-UNNAMED",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1600x1200-32", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", cp, DraftKillDriver.class.getName(), dbFile.toString(), Long.toString(responseId));
        pb.redirectError(dir.resolve("driver-stderr.txt").toFile());
        Process app = pb.start();
        List<Answered> answered = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("ANSWERED ")) {
                        String[] p = line.split(" ", 5);
                        answered.add(new Answered(Long.parseLong(p[1]), Long.parseLong(p[2]), p[3], p[4]));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            }
        });
        long killedAt;
        int savedWhileTyping;
        try {
            // Three questions answered (over ten seconds of typing without a pause): the draft is already on disk.
            waitFor(() -> answered.size() >= 3, app, lines, dir);
            savedWhileTyping = 0;
            long until = System.currentTimeMillis() + 3_000;
            while (savedWhileTyping == 0 && System.currentTimeMillis() < until) {
                savedWhileTyping = answersOnDisk(dbFile, responseId);
                Thread.sleep(100);
            }
            assertThat(lines).noneMatch(l -> l.startsWith("ALL"));
            // Kill in the middle of typing the sixth question.
            waitFor(() -> answered.size() >= 5, app, lines, dir);
            Thread.sleep(1_000);
            assertThat(lines).as("still typing when killed").noneMatch(l -> l.startsWith("ALL"));
            killedAt = System.currentTimeMillis();
            app.destroyForcibly();
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        reader.join(5_000);
        assertThat(savedWhileTyping).as("answers saved while the person kept typing").isPositive();

        List<Answered> guaranteed = new ArrayList<>(answered.stream().filter(a -> a.at() <= killedAt - GUARANTEED_AFTER_MS).toList());
        assertThat(guaranteed).as("questions finished well before the kill").hasSizeGreaterThanOrEqualTo(2);

        // Start again: the database opens normally and the form shows the draft.
        try (AppContext again = new AppContext(Database.open(dbFile), TestDb.clock())) {
            assertThat(again.database().dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
            SelfCheckService.Form form = again.selfChecks().open(responseId);
            assertThat(form.response().status()).isEqualTo(ResponseStatus.DRAFT);
            for (Answered a : guaranteed) {
                assertThat(form.answers().get(a.questionId())).as("question " + a.questionId()).isNotNull();
                assertThat(form.answers().get(a.questionId()).value()).isEqualTo(a.value());
                assertThat(form.answers().get(a.questionId()).comment()).isEqualTo(a.comment());
            }
            SelfCheckViewModel vm = new SelfCheckViewModel(FeatureContexts.selfcheck(again), new SyncTaskRunner(), new RecordingDialogService(),
                    new I18n(Locale.of("sv")));
            vm.open(responseId);
            for (Answered a : guaranteed) {
                var item = vm.items().stream().filter(i -> i.question().id() == a.questionId()).findFirst().orElseThrow();
                assertThat(item.valueProperty().get()).isEqualTo(a.value());
                assertThat(item.commentProperty().get()).isEqualTo(a.comment());
            }
            assertThat(vm.formStatusProperty().get()).isEqualTo(ResponseStatus.DRAFT);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Process app, List<String> lines, Path dir)
            throws Exception {
        long until = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (!app.isAlive() || System.currentTimeMillis() > until) {
                throw new AssertionError("The application process stopped or hung. Output: " + lines + "\nErrors: "
                        + java.nio.file.Files.readString(dir.resolve("driver-stderr.txt")));
            }
            Thread.sleep(50);
        }
    }

    /** Answers of the response on disk, read through a separate connection as another process would. */
    private static int answersOnDisk(Path db, long responseId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM self_check_answer WHERE response_id = ?")) {
            s.setLong(1, responseId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
