package se.kvalitetshjulet.ui.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** Issue 18: "Bara mina", "Min enhet" and "Bara försenade" are as the user left them when the list opens next time. */
class ActionFiltersRememberedTest {
    private Path dir;
    private AppContext ctx;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("kvh-action-filters");
        ctx = TestDb.open(dir);
        ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null));
    }

    @AfterEach
    void close() {
        ctx.close();
        TestDb.deleteTree(dir);
    }

    private ActionListViewModel list() {
        return new ActionListViewModel(FeatureContexts.action(ctx), new SyncTaskRunner(), new RecordingDialogService(),
                new I18n(Locale.of("sv")));
    }

    @Test
    void theFiltersAreRememberedBetweenSessions() {
        ActionListViewModel first = list();
        first.refresh();
        assertThat(first.mineOnlyProperty().get()).isFalse();
        Unit north = first.units().stream().filter(u -> u.name().equals("Hemtjänst Norr")).findFirst().orElseThrow();
        first.myNameProperty().set("Anna Berg");
        first.mineOnlyProperty().set(true);
        first.unitProperty().set(north);
        first.overdueOnlyProperty().set(true);
        first.searchCommand().execute();

        ActionListViewModel next = list(); // the next session
        next.refresh();
        assertThat(next.mineOnlyProperty().get()).isTrue();
        assertThat(next.myNameProperty().get()).isEqualTo("Anna Berg");
        assertThat(next.unitProperty().get()).isNotNull().extracting(Unit::name).isEqualTo("Hemtjänst Norr");
        assertThat(next.overdueOnlyProperty().get()).isTrue();

        next.overdueOnlyProperty().set(false);
        next.unitProperty().set(null);
        next.searchCommand().execute();
        ActionListViewModel third = list();
        third.refresh();
        assertThat(third.overdueOnlyProperty().get()).isFalse();
        assertThat(third.unitProperty().get()).isNull();
        assertThat(third.mineOnlyProperty().get()).isTrue();
    }
}
