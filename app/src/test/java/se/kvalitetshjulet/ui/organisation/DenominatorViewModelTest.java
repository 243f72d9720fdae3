package se.kvalitetshjulet.ui.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The "Nämnare" grid without a toolkit: typing, Swedish messages, save, unsaved-change question. */
class DenominatorViewModelTest {
    AppContext ctx;
    Unit north;
    Unit south;
    final RecordingDialogService dialogs = new RecordingDialogService();
    DenominatorViewModel vm;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        ctx = TestDb.open(dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        north = ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        south = ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Söder", OrgLevel.AVDELNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        vm = new DenominatorViewModel(ctx.denominatorService(), ctx.clock(), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void startsOnThisYearWithTwelveSwedishMonthsAndNothingToSave() {
        assertThat(vm.yearProperty().get()).isEqualTo(2026);
        assertThat(vm.rows()).hasSize(12);
        assertThat(vm.rows().getFirst().name()).isEqualTo("januari");
        vm.unitProperty().set(north);
        assertThat(vm.saveCommand().isExecutable()).isFalse();
        assertThat(vm.summaryProperty().get()).isEqualTo("Inga nämnare ifyllda för året.");
    }

    @Test
    void typedFiguresAreSavedAndReadBackForTheUnit() {
        vm.unitProperty().set(north);
        vm.rows().get(0).recipientsProperty().set("40");
        vm.rows().get(0).careDaysProperty().set("1 240");
        vm.rows().get(1).recipientsProperty().set("38");
        assertThat(vm.saveCommand().isExecutable()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("39 brukare").contains("2 månader");
        vm.saveCommand().execute();
        assertThat(vm.statusProperty().get()).isEqualTo("Sparat (2 månader ändrade).");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(ctx.denominatorService().year(north.id(), 2026).getFirst().careDays()).isEqualTo(1240);

        vm.unitProperty().set(south);
        assertThat(vm.rows().getFirst().recipientsProperty().get()).isEmpty();
        vm.unitProperty().set(north);
        assertThat(vm.rows().getFirst().careDaysProperty().get()).isEqualTo("1240");
        vm.yearProperty().set(2025);
        assertThat(vm.rows().getFirst().careDaysProperty().get()).isEmpty();
    }

    @Test
    void whatIsNotANumberIsNamedByMonthAndNothingIsSaved() {
        vm.unitProperty().set(north);
        vm.rows().get(2).visitsProperty().set("tolv");
        assertThat(vm.validationMessageProperty().get()).isEqualTo("mars: Besök \"tolv\" är inget heltal. Skriv bara siffror, t.ex. 42.");
        vm.saveCommand().execute();
        assertThat(ctx.denominators().count()).isZero();
    }

    @Test
    void impossibleCareDaysAreExplainedWithTheMonthAndDays() {
        vm.unitProperty().set(north);
        vm.rows().get(1).recipientsProperty().set("10");
        vm.rows().get(1).careDaysProperty().set("300");
        vm.saveCommand().execute();
        assertThat(vm.validationMessageProperty().get()).startsWith("februari 2026: 300 vårddygn går inte med 10 brukare")
                .contains("(28 dagar)");
        assertThat(ctx.denominators().count()).isZero();
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void leavingAUnitWithUnsavedFiguresAsksAndSavesWhenTheAnswerIsYes() {
        vm.unitProperty().set(north);
        vm.rows().get(5).recipientsProperty().set("12");
        dialogs.unsavedAnswer = se.kvalitetshjulet.ui.common.DialogService.Unsaved.SAVE;
        assertThat(vm.confirmLeave()).isTrue();
        assertThat(ctx.denominatorService().year(north.id(), 2026).get(5).recipients()).isEqualTo(12);

        vm.rows().get(6).recipientsProperty().set("13");
        dialogs.unsavedAnswer = se.kvalitetshjulet.ui.common.DialogService.Unsaved.DISCARD;
        assertThat(vm.confirmLeave()).isTrue();
        vm.unitProperty().set(south);
        assertThat(ctx.denominatorService().year(north.id(), 2026).get(6).recipients()).isNull();
    }
}
