package se.kvalitetshjulet.ui.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.council.MeetingRow;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** The council meeting's type from the coordinator's list, without a window: offered, stored, audited, retired. */
class CouncilTypeViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    CouncilViewModel vm;
    Unit unit;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        vm = new CouncilViewModel(FeatureContexts.council(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")));
        vm.refresh();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private ListEntry type(String name) {
        return ctx.lists().entries(ListKind.COUNCIL_TYPE).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private MeetingRow createMeeting(String typeName) {
        vm.newUnitProperty().set(vm.units().stream().filter(u -> u.id().equals(unit.id())).findFirst().orElseThrow());
        vm.newTitleProperty().set("Kvalitetsråd " + typeName);
        vm.newTypeProperty().set(vm.newTypeChoices().stream().filter(t -> t.name().equals(typeName)).findFirst()
                .orElseThrow());
        assertThat(vm.createMeetingCommand().execute()).isTrue();
        return vm.meetings().stream().filter(r -> r.title().equals("Kvalitetsråd " + typeName)).findFirst().orElseThrow();
    }

    @Test
    void aNewMeetingIsOfferedTheActiveTypesAndListedWithItsType() {
        assertThat(ctx.lists().setActive(ListKind.COUNCIL_TYPE, type("Ledningsgrupp").id(), false).ok()).isTrue();
        vm.refresh();
        assertThat(vm.newTypeChoices()).extracting(ListEntry::name)
                .containsExactly("Kvalitetsråd (sektion)", "Kvalitetsråd (avdelning)", "Kvalitetsdialog");

        MeetingRow row = createMeeting("Kvalitetsdialog");
        assertThat(row.councilType()).isEqualTo("Kvalitetsdialog");
        assertThat(ctx.councilService().find(row.id()).orElseThrow().councilTypeId()).isEqualTo(type("Kvalitetsdialog").id());
        assertThat(ctx.audit().history("council_meeting", row.id()).getFirst().afterJson()).contains("council_type_id");
        assertThat(ctx.lists().usage(ListKind.COUNCIL_TYPE, type("Kvalitetsdialog").id())).isEqualTo(1);
    }

    @Test
    void aRetiredTypeStaysOnItsOldMeetingButCannotBeChosenAnew() {
        MeetingRow row = createMeeting("Ledningsgrupp");
        vm.selectedMeetingProperty().set(row);
        assertThat(vm.meetingTypeProperty().get().name()).isEqualTo("Ledningsgrupp");

        long retired = type("Ledningsgrupp").id();
        assertThat(ctx.lists().setActive(ListKind.COUNCIL_TYPE, retired, false).ok()).isTrue();
        vm.refresh();
        vm.open(row.id());
        // still shown on the old meeting, marked as retired, and kept when the minutes are saved
        assertThat(vm.meetingTypeProperty().get().id()).isEqualTo(retired);
        assertThat(vm.typeLabel(vm.meetingTypeProperty().get())).isEqualTo("Ledningsgrupp (utgått)");
        assertThat(vm.meetingTypeChoices()).extracting(ListEntry::name).contains("Ledningsgrupp");
        assertThat(vm.newTypeChoices()).extracting(ListEntry::name).doesNotContain("Ledningsgrupp");
        vm.notesProperty().set("Genomgång av bemanningen");
        assertThat(vm.saveMinutesCommand().execute()).isTrue();
        assertThat(vm.problemsProperty().get()).isEmpty();
        assertThat(ctx.councilService().find(row.id()).orElseThrow().councilTypeId()).isEqualTo(retired);
        assertThat(vm.meetings()).filteredOn(r -> r.id() == row.id()).extracting(MeetingRow::councilType)
                .containsExactly("Ledningsgrupp");

        // moving the meeting to another type is stored (and audited); moving it back to the retired one is refused
        vm.meetingTypeProperty().set(vm.meetingTypeChoices().stream().filter(t -> t.name().equals("Kvalitetsdialog"))
                .findFirst().orElseThrow());
        vm.saveMinutesCommand().execute();
        assertThat(ctx.councilService().find(row.id()).orElseThrow().councilTypeId()).isEqualTo(type("Kvalitetsdialog").id());
        assertThat(ctx.audit().history("council_meeting", row.id())).hasSizeGreaterThanOrEqualTo(2);
        var back = ctx.councilService().find(row.id()).orElseThrow().withCouncilType(retired);
        var refused = ctx.councilService().save(back);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.problems()).extracting(p -> p.messageKey()).containsExactly("council.validation.typeRetired");
        assertThat(ctx.councilService().find(row.id()).orElseThrow().councilTypeId()).isEqualTo(type("Kvalitetsdialog").id());
        assertThat(dialogs.unexpected).isEmpty();
    }
}
