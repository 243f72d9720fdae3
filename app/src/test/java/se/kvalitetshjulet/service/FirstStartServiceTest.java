package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** When the first-start guide is offered (decision 0027): an empty database yes; the demo, one with units, a dismissed guide no. */
class FirstStartServiceTest {
    @TempDir
    Path dir;
    AppContext ctx;

    @BeforeEach
    void open() {
        ctx = TestDb.open(dir);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void anEmptyDatabaseIsOfferedTheGuideUntilItIsDismissed() {
        assertThat(ctx.firstStart().status().offered()).isTrue();
        ctx.firstStart().dismiss();
        assertThat(ctx.firstStart().status().offered()).isFalse();
    }

    @Test
    void aDatabaseThatAlreadyHadUnitsOrIsTheDemoIsNotOffered() {
        ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null));
        assertThat(ctx.firstStart().status().offered()).isFalse();
        ctx.settings().put(SettingsRepository.DATABASE_KIND, SettingsRepository.KIND_DEMO);
        ctx.units().delete(ctx.units().findAll().getFirst().id());
        assertThat(ctx.firstStart().status().offered()).as("the demo, even empty").isFalse();
    }
}
