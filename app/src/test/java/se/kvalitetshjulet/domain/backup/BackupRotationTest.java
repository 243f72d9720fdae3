package se.kvalitetshjulet.domain.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which backups are kept: 7 daily, then one per week for 4 weeks, and the 5 newest of the other kinds. */
class BackupRotationTest {
    /** Wednesday 2 December 2026, 08:00. */
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 2, 8, 0);

    private static BackupFile daily(int daysAgo) {
        LocalDateTime t = NOW.minusDays(daysAgo);
        return new BackupFile(Path.of("k.db.backup-" + t.toLocalDate() + "-daily"), t, 1000, BackupKind.DAILY);
    }

    private static BackupFile other(int daysAgo, BackupKind kind) {
        LocalDateTime t = NOW.minusDays(daysAgo).plusHours(1);
        return new BackupFile(Path.of("k.db.backup-" + t.toLocalDate() + "-" + kind), t, 1000, kind);
    }

    private static List<BackupFile> dailyFor(int days) {
        List<BackupFile> all = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            all.add(daily(d));
        }
        return all;
    }

    @Test
    void sixtyDaysOfUseKeepTheLastSevenDaysAndOneBackupForEachOfTheFourWeeksBefore() {
        List<BackupFile> kept = BackupRotation.keep(dailyFor(60), BackupPolicy.DEFAULT);

        assertThat(kept).hasSize(11);
        assertThat(kept.subList(0, 7)).containsExactly(daily(0), daily(1), daily(2), daily(3), daily(4), daily(5),
                daily(6));
        // the oldest kept daily is Thursday 26 November (week 48, shared with the dailies); the weeks before are
        // 47, 46, 45 and 44, each kept by its newest backup: the Sunday
        assertThat(kept.subList(7, 11)).extracting(b -> b.taken().toLocalDate()).containsExactly(
                LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 8),
                LocalDate.of(2026, 11, 1));
        assertThat(BackupRotation.toDelete(dailyFor(60), BackupPolicy.DEFAULT)).hasSize(49)
                .doesNotContainAnyElementsOf(kept);
    }

    @Test
    void aWeekWithOnlyOneBackupKeepsThatOneAndGapsAreSkipped() {
        // used on three days only, weeks apart
        List<BackupFile> all = List.of(daily(0), daily(1), daily(20), daily(50));
        assertThat(BackupRotation.keep(all, new BackupPolicy(1, 2, 5))).containsExactly(daily(0), daily(20), daily(50));
    }

    @Test
    void otherKindsAreKeptByTheirOwnNumberAndNeverCrowdOutTheDailyOnes() {
        List<BackupFile> all = new ArrayList<>(dailyFor(3));
        for (int d = 0; d < 8; d++) {
            all.add(other(d, d % 2 == 0 ? BackupKind.MANUAL : BackupKind.UPGRADE));
        }
        all.add(other(9, BackupKind.RESTORE));

        List<BackupFile> kept = BackupRotation.keep(all, new BackupPolicy(7, 4, 3));

        assertThat(kept).filteredOn(b -> b.kind() == BackupKind.DAILY).hasSize(3);
        assertThat(kept).filteredOn(b -> b.kind() != BackupKind.DAILY)
                .containsExactly(other(0, BackupKind.MANUAL), other(1, BackupKind.UPGRADE), other(2, BackupKind.MANUAL));
    }

    @Test
    void fewerBackupsThanThePolicyAllowsAreAllKept() {
        List<BackupFile> all = List.of(daily(0), other(0, BackupKind.MANUAL));
        assertThat(BackupRotation.keep(all, BackupPolicy.DEFAULT)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(BackupRotation.toDelete(all, BackupPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void noWeeklyBackupsWhenTheNumberIsZero() {
        assertThat(BackupRotation.keep(dailyFor(30), new BackupPolicy(7, 0, 5))).hasSize(7);
    }

    @Test
    void theDailyBackupIsDueOncePerDayAndAManualOneDoesNotCount() {
        LocalDate today = NOW.toLocalDate();
        assertThat(BackupRotation.dailyDue(List.of(), today)).isTrue();
        assertThat(BackupRotation.dailyDue(List.of(daily(1)), today)).isTrue();
        assertThat(BackupRotation.dailyDue(List.of(other(0, BackupKind.MANUAL)), today)).isTrue();
        assertThat(BackupRotation.dailyDue(List.of(daily(0)), today)).isFalse();
        assertThat(BackupRotation.dailyDue(List.of(daily(0)), today.plusDays(1))).isTrue();
    }

    @Test
    void thePolicyRefusesNumbersOutsideItsLimits() {
        assertThat(BackupPolicy.DEFAULT.problems()).isEmpty();
        assertThat(new BackupPolicy(0, 4, 5).problems()).extracting(p -> p.field()).containsExactly("daily");
        assertThat(new BackupPolicy(7, -1, 0).problems()).extracting(p -> p.field()).containsExactly("weekly", "other");
        assertThat(new BackupPolicy(7, 0, 1).problems()).isEmpty();
    }

    @Test
    void kindsRoundTripThroughTheirFileNameTags() {
        for (BackupKind k : BackupKind.values()) {
            assertThat(BackupKind.ofTag(k.tag().orElse(null))).isEqualTo(k);
        }
        assertThat(BackupKind.ofTag(null)).isEqualTo(BackupKind.MANUAL);
    }
}
