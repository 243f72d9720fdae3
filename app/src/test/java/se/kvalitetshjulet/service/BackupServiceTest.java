package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.DatabaseRefusedException;
import se.kvalitetshjulet.domain.Passphrase;
import se.kvalitetshjulet.domain.backup.BackupFile;
import se.kvalitetshjulet.domain.backup.BackupKind;
import se.kvalitetshjulet.domain.backup.BackupPolicy;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** The automatic daily backup, the numbers kept, and restore-and-reopen, on real files with a clock we move. */
class BackupServiceTest {
    @TempDir
    Path dir;
    private AppContext ctx;

    /** A clock the test moves forward, as days of use pass. */
    static final class MovingClock extends Clock {
        private Instant now;
        private final ZoneId zone = ZoneId.of("Europe/Stockholm");

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock(TestDb.clock().instant());

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private AppContext open(Passphrase pass) {
        ctx = new AppContext(Database.open(dir.resolve("k.db"), pass), clock);
        return ctx;
    }

    private void addUnit(String name) {
        ctx.units().save(new Unit(null, null, name, OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null,
                TestDb.TODAY.minusYears(1), null));
    }

    @Test
    void theDailyBackupIsMadeOnceADay() {
        open(null);
        BackupService backups = ctx.backups();

        BackupFile first = backups.dailyIfDue().orElseThrow();
        assertThat(first.kind()).isEqualTo(BackupKind.DAILY);
        assertThat(first.taken().toLocalDate()).isEqualTo(TestDb.TODAY);
        assertThat(first.name()).isEqualTo("k.db.backup-20261123-100000-daily");

        clock.advance(Duration.ofHours(5)); // opened again the same afternoon
        assertThat(backups.dailyIfDue()).isEmpty();
        assertThat(backups.createNow().kind()).as("a manual backup does not count as the day's").isEqualTo(BackupKind.MANUAL);

        clock.advance(Duration.ofHours(19)); // next day
        BackupFile second = backups.dailyIfDue().orElseThrow();
        assertThat(second.taken().toLocalDate()).isEqualTo(TestDb.TODAY.plusDays(1));
        assertThat(backups.list()).extracting(BackupFile::kind)
                .containsExactly(BackupKind.DAILY, BackupKind.MANUAL, BackupKind.DAILY);
    }

    @Test
    void fortyDaysOfUseLeaveSevenDailyAndFourWeeklyBackupsOnDisk() {
        open(null);
        for (int day = 0; day < 40; day++) {
            assertThat(ctx.backups().dailyIfDue()).isPresent();
            clock.advance(Duration.ofDays(1));
        }
        var daily = ctx.backups().list().stream().filter(b -> b.kind() == BackupKind.DAILY).toList();
        assertThat(daily).hasSize(11);
        LocalDate last = TestDb.TODAY.plusDays(39);
        assertThat(daily.get(0).taken().toLocalDate()).isEqualTo(last);
        assertThat(daily.get(6).taken().toLocalDate()).isEqualTo(last.minusDays(6));
        assertThat(daily.get(7).taken().toLocalDate()).as("the Sunday of the week before").isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(daily.get(10).taken().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 29));
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".backup-"))).hasSize(11);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theNumbersKeptAreSavedWithAnAuditRowAndApplyToTheNextBackup() {
        open(null);
        assertThat(ctx.backups().policy()).isEqualTo(BackupPolicy.DEFAULT);
        assertThat(ctx.backups().savePolicy(new BackupPolicy(0, 4, 5)).ok()).isFalse();
        int audits = ctx.audit().count();

        assertThat(ctx.backups().savePolicy(new BackupPolicy(2, 0, 1)).ok()).isTrue();

        assertThat(ctx.audit().count()).isEqualTo(audits + 1);
        assertThat(ctx.backups().policy()).isEqualTo(new BackupPolicy(2, 0, 1));
        for (int day = 0; day < 4; day++) {
            ctx.backups().dailyIfDue();
            ctx.backups().createNow();
            clock.advance(Duration.ofDays(1));
        }
        assertThat(ctx.backups().list()).extracting(BackupFile::kind)
                .as("the newest two daily backups and the newest other one (made in the same second as the daily)")
                .containsExactly(BackupKind.DAILY, BackupKind.MANUAL, BackupKind.DAILY);
    }

    @Test
    void anEncryptedDatabaseGetsEncryptedDailyBackups() throws Exception {
        Passphrase pass = Passphrase.of("en lång lösenfras för testet");
        open(pass);
        addUnit("Hemtjänst Solgläntan");

        BackupFile daily = ctx.backups().dailyIfDue().orElseThrow();

        byte[] bytes = Files.readAllBytes(daily.file());
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("SQLite format 3")
                .doesNotContain("Solgläntan");
        try (Database copy = Database.open(daily.file(), pass)) {
            assertThat(copy.dsl().fetchValue("SELECT count(*) FROM unit WHERE name = 'Hemtjänst Solgläntan'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void noDailyBackupOfTheDemo() {
        open(null);
        ctx.settings().put(se.kvalitetshjulet.data.repo.SettingsRepository.DATABASE_KIND,
                se.kvalitetshjulet.data.repo.SettingsRepository.KIND_DEMO);
        assertThat(ctx.backups().dailyIfDue()).isEmpty();
        assertThat(ctx.backups().list()).isEmpty();
    }

    @Test
    void restoreAndReopenBringsBackTheRecordsAndKeepsTheCurrentFile() {
        open(null);
        addUnit("Hemtjänst Norr");
        BackupFile backup = ctx.backups().createNow();
        addUnit("Hemtjänst Söder");
        assertThat(ctx.units().findAll()).hasSize(2);

        BackupService.RestoreOutcome outcome = ctx.backups().restoreAndReopen(backup);

        assertThat(outcome.ok()).isTrue();
        ctx = new AppContext(outcome.reopened(), clock);
        assertThat(ctx.units().findAll()).extracting(Unit::name).containsExactly("Hemtjänst Norr");
        assertThat(outcome.restoredFrom()).isEqualTo(backup.name());
        BackupFile kept = ctx.backups().list().stream().filter(b -> b.kind() == BackupKind.RESTORE).findFirst()
                .orElseThrow();
        assertThat(kept.name()).isEqualTo(outcome.previousKeptAs());
        try (Database before = Database.open(kept.file())) {
            assertThat(before.dsl().fetchValue("SELECT count(*) FROM unit")).isEqualTo(2);
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndTheDatabaseIsOpenAgainAsItWas() throws Exception {
        open(null);
        addUnit("Hemtjänst Norr");
        BackupFile backup = ctx.backups().createNow();
        addUnit("Hemtjänst Söder");
        byte[] bytes = Files.readAllBytes(backup.file());
        Arrays.fill(bytes, 4096, 8192, (byte) 0x5a); // page 2 overwritten
        Files.write(backup.file(), bytes);

        BackupService.RestoreOutcome outcome = ctx.backups().restoreAndReopen(backup);

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.failure()).isInstanceOf(DatabaseRefusedException.class);
        ctx = new AppContext(outcome.reopened(), clock);
        assertThat(ctx.units().findAll()).hasSize(2);
        assertThat(ctx.backups().list()).noneMatch(b -> b.kind() == BackupKind.RESTORE);
        try (InputStream in = Files.newInputStream(dir.resolve("k.db"))) {
            assertThat(new String(in.readNBytes(15), StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        }
    }
}
