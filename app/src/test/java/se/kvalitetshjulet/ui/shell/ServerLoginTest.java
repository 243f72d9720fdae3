package se.kvalitetshjulet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/**
 * The password prompt of the window (issue 15): a section chief whose login has no PGPASSWORD and no line in the
 * password file opens the server in the app; it asks "Lösenord för …", says clearly when the password was wrong and
 * asks again, and opens the database with the right one (SCRAM, against the embedded server). The password is never
 * written to the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerLoginTest {
    static final String PASSWORD = "Vår-hemliga-fras 2026";
    final TestPostgres pg = TestPostgres.get();
    AppContext admin;
    String login;
    String url;

    @BeforeAll
    void setUp() {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        String database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        long unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        login = "anna_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(login, PASSWORD);
        access.grant(login, AccessRole.SEKTIONSCHEF, unit);
        // deliberately no line in the password file for this login
        url = pg.url(login, database);
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    private record Outcome(List<AppContext> opened, List<Throwable> failed, int[] cancelled) { }

    private Outcome login(RecordingDialogService dialogs) {
        Outcome o = new Outcome(new ArrayList<>(), new ArrayList<>(), new int[1]);
        new ServerLogin(new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")),
                (u, pw) -> DatabaseOpening.openServer(u, pw, Clock.systemDefaultZone()))
                .login(url, o.opened()::add, o.failed()::add, () -> o.cancelled()[0]++);
        return o;
    }

    @Test
    void aWrongPasswordIsSaidClearlyAndTheRightOneOpensTheServer() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        // everything, the driver's and the pool's debug lines too, while the passwords are typed and tried
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        RecordingDialogService dialogs = new RecordingDialogService();
        dialogs.passwordAnswers.add("fel-lösenord");
        dialogs.passwordAnswers.add(PASSWORD);
        Outcome o;
        try {
            o = login(dialogs);
        } finally {
            root.detachAppender(log);
            root.setLevel(level);
        }
        String who = login + "@127.0.0.1";
        assertThat(dialogs.passwordQuestions).containsExactly("Lösenord för " + who + " | -",
                "Lösenord för " + who + " | Servern godtog inte lösenordet för " + who
                        + ". Skriv det igen (skiftläget räknas).");
        assertThat(o.failed()).isEmpty();
        assertThat(o.opened()).hasSize(1);
        try (AppContext ctx = o.opened().getFirst()) {
            // logged in as the person: the audit trail names the login
            assertThat(ctx.databaseDescription()).contains(login + "@");
            assertThat(ctx.organisation().tree().all()).extracting(Unit::name).contains("Hemtjänst Norr");
        }
        assertThat(dialogs.errors).isEmpty();
        // never in the log, neither the right password nor the wrong one
        assertThat(log.list).isNotEmpty();
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(PASSWORD).doesNotContain("fel-lösenord"));
    }

    @Test
    void closingThePasswordQuestionOpensNothing() {
        RecordingDialogService dialogs = new RecordingDialogService();
        Outcome o = login(dialogs);
        assertThat(dialogs.passwordQuestions).hasSize(1);
        assertThat(o.cancelled()[0]).isEqualTo(1);
        assertThat(o.opened()).isEmpty();
        assertThat(o.failed()).isEmpty();
    }

    @Test
    void aRefusalThatIsNotAboutThePasswordIsNotAskedAbout() {
        RecordingDialogService dialogs = new RecordingDialogService();
        Outcome o = new Outcome(new ArrayList<>(), new ArrayList<>(), new int[1]);
        String missing = pg.url(login, "kvh_finns_inte");
        new ServerLogin(new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")),
                (u, pw) -> DatabaseOpening.openServer(u, PASSWORD, Clock.systemDefaultZone()))
                .login(missing, o.opened()::add, o.failed()::add, () -> o.cancelled()[0]++);
        assertThat(dialogs.passwordQuestions).isEmpty();
        assertThat(o.failed()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains("Databasen kvh_finns_inte finns inte"));
    }
}
