package se.kvalitetshjulet.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
import se.kvalitetshjulet.ui.deviation.DeviationListViewModel;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel;
import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.ui.shell.RoleNavigation;
import se.kvalitetshjulet.ui.shell.Section;

/**
 * The permission rules as the view models apply them (issue 15, decision 0034), on both engines: in a local file
 * the one user may do everything and saves the database's settings; on a server each role's login is offered its
 * screens, the general settings only as kvalitetsutvecklare, and every role's Spara in Inställningar works and keeps
 * Mitt namn as that person's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolePermissionsViewModelTest {
    @TempDir
    static Path dir;
    final I18n sv = new I18n(Locale.of("sv"));
    AppContext file;
    AppContext admin;
    String database;
    String suffix;

    @BeforeAll
    void setUp() {
        file = TestDb.open(TestDb.Engine.SQLITE, dir);
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        suffix = database.replace("kvh_test_", "");
        long unit = admin.units().save(new Unit(null, null, "Boende Eken", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        for (AccessRole role : AccessRole.values()) {
            access.createLogin(login(role), "pw-" + login(role));
            access.grant(login(role), role, unit);
        }
        assertThat(admin.settingsService().saveMyName("Ägaren").ok()).isTrue();
    }

    @AfterAll
    void tearDown() {
        file.close();
        admin.close();
    }

    private String login(AccessRole role) {
        return "vm_" + role.cliName() + "_" + suffix;
    }

    private SettingsViewModel settings(AppContext ctx, RecordingDialogService dialogs) {
        SettingsViewModel vm = new SettingsViewModel(FeatureContexts.settings(ctx), new SyncTaskRunner(), dialogs, sv);
        vm.load();
        return vm;
    }

    @org.junit.jupiter.api.Test
    void theOneUserOfAFileMayDoEverythingAndSavesTheDatabasesSettings() {
        assertThat(RoleNavigation.sections(file.permissions())).isEqualTo(EnumSet.allOf(Section.class));
        RecordingDialogService dialogs = new RecordingDialogService();
        SettingsViewModel vm = settings(file, dialogs);
        assertThat(vm.general()).isTrue();
        vm.myNameProperty().set("Anna Andersson");
        vm.ivoDaysProperty().set("5");
        vm.saveCommand().execute();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(file.settingsService().load().ivoNotificationDays()).isEqualTo(5);
        assertThat(file.settingsService().load().myName()).isEqualTo("Anna Andersson");
        assertThat(file.settingsService().actingName()).isEqualTo("Anna Andersson"); // she signs the changes
        assertThat(new DeviationListViewModel(FeatureContexts.deviation(file), new SyncTaskRunner(), dialogs, sv)
                .mayImport()).isTrue();
        assertThat(new SelfCheckViewModel(FeatureContexts.selfcheck(file), new SyncTaskRunner(), dialogs, sv)
                .mayManage()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(AccessRole.class)
    void eachRoleOnTheServerSavesItsOwnSettingsAndIsOfferedItsScreens(AccessRole role) {
        try (AppContext me = DatabaseOpening.openServer(TestPostgres.get().url(login(role), database),
                "pw-" + login(role), Clock.systemDefaultZone())) {
            Set<Section> sections = RoleNavigation.sections(me.permissions());
            assertThat(sections).as(role.cliName()).isEqualTo(expected(role));

            RecordingDialogService dialogs = new RecordingDialogService();
            SettingsViewModel vm = settings(me, dialogs);
            assertThat(vm.general()).isEqualTo(role == AccessRole.KVALITETSUTVECKLARE);
            vm.myNameProperty().set("Namn " + role.cliName());
            vm.saveCommand().execute();
            assertThat(dialogs.unexpected).as("refused on the server").isEmpty();
            assertThat(vm.problemsProperty().get()).isEmpty();
            assertThat(vm.noticeProperty().get()).isEqualTo("Inställningarna är sparade.");
            assertThat(me.settingsService().load().myName()).isEqualTo("Namn " + role.cliName());
            // the audit trail names the login, whatever the person calls themselves (decision 10)
            assertThat(me.settingsService().actingName()).isEqualTo(login(role));
            assertThat(admin.settingsService().load().myName()).isEqualTo("Ägaren");

            if (sections.contains(Section.DEVIATIONS)) {
                DeviationListViewModel register = new DeviationListViewModel(FeatureContexts.deviation(me),
                        new SyncTaskRunner(), dialogs, sv);
                assertThat(register.mayImport()).isEqualTo(role == AccessRole.KVALITETSUTVECKLARE);
                assertThat(register.mayRegister()).isEqualTo(role != AccessRole.RADSLEDAMOT);
                assertThat(register.newCommand().executableProperty().get()).isEqualTo(register.mayRegister());
            }
        }
    }

    private static Set<Section> expected(AccessRole role) {
        return switch (role) {
            case KVALITETSUTVECKLARE -> EnumSet.allOf(Section.class);
            case SEKTIONSCHEF -> EnumSet.of(Section.HOME, Section.DEVIATIONS, Section.PATTERNS, Section.TRENDS,
                    Section.SELFCHECKS, Section.ACTIONS, Section.KEYFIGURES, Section.SETTINGS);
            case SAS, MAS -> EnumSet.of(Section.HOME, Section.DEVIATIONS, Section.PATTERNS, Section.TRENDS,
                    Section.ACTIONS, Section.KEYFIGURES, Section.SETTINGS);
            case RADSLEDAMOT -> EnumSet.of(Section.HOME, Section.DEVIATIONS, Section.PATTERNS, Section.TRENDS,
                    Section.ACTIONS, Section.COUNCILS, Section.KEYFIGURES, Section.SETTINGS);
            case LASARE -> EnumSet.of(Section.HOME, Section.TRENDS, Section.KEYFIGURES, Section.SETTINGS);
        };
    }
}
