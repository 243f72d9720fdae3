package se.kvalitetshjulet.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.me.RegisterDefaults;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.action.ActionListViewModel;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.deviation.DeviationListViewModel;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Issue 18 (decision 0027): a section chief ticks her unit and writes her role in Inställningar, chooses how the
 * register opens; in the next session the register opens that way and "Bara mina" in Åtgärder finds the actions
 * that name her role in her unit (most actions name a role, not a person).
 */
class PersonalSettingsViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final I18n sv = new I18n(Locale.of("sv"));
    long north;
    long south;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        long root = unit("Vård och omsorg", null, OrgLevel.FORVALTNING);
        north = unit("Hemtjänst Norr", root, OrgLevel.ENHET);
        south = unit("Hemtjänst Söder", root, OrgLevel.ENHET);
        long a = deviation(north, "fall i trappan", DeviationStatus.REGISTRERAD, TestDb.TODAY.minusDays(3));
        deviation(north, "avslutat fall", DeviationStatus.AVSLUTAD, TestDb.TODAY.minusDays(20));
        deviation(north, "fjolårets fall", DeviationStatus.REGISTRERAD, LocalDate.of(2025, 6, 1));
        deviation(south, "södras fall", DeviationStatus.UTREDNING, TestDb.TODAY.minusDays(5));
        action(a, north, "Enhetschef", "ny rutin i trappan");
        action(a, south, "Enhetschef", "södras rutin");
        action(a, north, "Anna Berg", "annas samtal");
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private long unit(String name, Long parent, OrgLevel level) {
        return ctx.units().save(new Unit(null, parent, name, level, null, ProviderKind.KOMMUNAL, null, null, null)).id();
    }

    private long deviation(long unit, String title, DeviationStatus status, LocalDate registered) {
        return ctx.deviations().save(ctx.database().dsl(), new Deviation(null, null, DeviationKind.KVALITETSAVVIKELSE,
                DeviationKind.KVALITETSAVVIKELSE.defaultLaw(), unit, null, status, registered, registered, registered,
                registered.plusDays(14), null, "Undersköterska", title, "Text", null, null, null, List.of(), null, false,
                null, null, null, null)).id();
    }

    private void action(long source, long unit, String responsible, String what) {
        ctx.database().txRun(tx -> ctx.deviations().saveMeasure(tx, new Measure(null, Measure.SOURCE_DEVIATION, source,
                unit, what, null, responsible, TestDb.TODAY.plusDays(10), null, null, null)));
    }

    @Test
    void myUnitsRolesAndTheRegistersDefaultsAreSavedAndUsedNextSession() {
        SettingsViewModel settings = new SettingsViewModel(FeatureContexts.settings(ctx), new SyncTaskRunner(), dialogs, sv);
        settings.load();
        PersonalSettings me = settings.personal();
        assertThat(me.units()).extracting(Unit::name).contains("Hemtjänst Norr", "Hemtjänst Söder");
        assertThat(me.chosenCountProperty().get()).contains("Inga enheter valda");
        assertThat(me.commonHintProperty().get()).isEqualTo("Vanligast som ansvarig här: Enhetschef (2), Anna Berg (1).");
        me.chosen(me.units().stream().filter(u -> u.id() == north).findFirst().orElseThrow()).set(true);
        assertThat(me.chosenCountProperty().get()).startsWith("1 enhet vald");
        me.rolesProperty().set("Enhetschef");
        me.defaultMyUnitsProperty().set(true);
        me.defaultOpenOnlyProperty().set(true);
        me.defaultPeriodProperty().set(RegisterDefaults.Period.THIS_YEAR);
        settings.saveCommand().execute();
        assertThat(settings.problemsProperty().get()).isEmpty();
        assertThat(settings.noticeProperty().get()).isNotEmpty();

        try (AppContext next = new AppContext(Database.open(ctx.database().describe()), TestDb.clock())) {
            DeviationListViewModel register = new DeviationListViewModel(FeatureContexts.deviation(next),
                    new SyncTaskRunner(), dialogs, sv);
            register.refresh();
            assertThat(register.myUnitsOnlyProperty().get()).isTrue();
            assertThat(register.openOnlyProperty().get()).isTrue();
            assertThat(register.fromProperty().get()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(register.rows()).extracting(DeviationRow::title).containsExactly("fall i trappan");

            ActionListViewModel actions = new ActionListViewModel(FeatureContexts.action(next), new SyncTaskRunner(),
                    dialogs, sv);
            actions.refresh();
            assertThat(actions.totalProperty().get()).isEqualTo(3);
            actions.mineOnlyProperty().set(true);
            actions.searchCommand().execute();
            // no name typed: the role in my unit only, not Söder's Enhetschef
            assertThat(actions.rows()).extracting(r -> r.measure().what()).containsExactly("ny rutin i trappan");
            actions.myNameProperty().set("anna berg");
            actions.searchCommand().execute();
            assertThat(actions.rows()).extracting(r -> r.measure().what())
                    .containsExactlyInAnyOrder("ny rutin i trappan", "annas samtal");
            actions.mineOnlyProperty().set(false);
            actions.myUnitsOnlyProperty().set(true);
            actions.searchCommand().execute();
            assertThat(actions.rows()).extracting((ActionRow r) -> r.unitName()).containsOnly("Hemtjänst Norr").hasSize(2);
        }
        try (AppContext third = new AppContext(Database.open(ctx.database().describe()), TestDb.clock())) {
            ActionListViewModel actions = new ActionListViewModel(FeatureContexts.action(third), new SyncTaskRunner(),
                    dialogs, sv);
            actions.refresh();
            assertThat(actions.myUnitsOnlyProperty().get()).as("Mina enheter remembered").isTrue();
            assertThat(actions.totalProperty().get()).isEqualTo(2);
        }
    }

    @Test
    void aTooLongRoleIsRefusedWithASwedishMessageAndNothingChanges() {
        SettingsViewModel settings = new SettingsViewModel(FeatureContexts.settings(ctx), new SyncTaskRunner(), dialogs, sv);
        settings.load();
        settings.personal().rolesProperty().set("Enhetschef för hela hemtjänsten i norra och södra delarna av kommunen sedan 2019");
        settings.saveCommand().execute();
        assertThat(settings.problemsProperty().get()).contains("högst 60 tecken");
        assertThat(ctx.settingsService().me().roles()).isEmpty();
    }
}
