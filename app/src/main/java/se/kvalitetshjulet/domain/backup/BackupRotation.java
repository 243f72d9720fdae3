package se.kvalitetshjulet.domain.backup;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rotation arithmetic of the backups (decision 0020), without files: which to keep, which to delete, and whether
 * today's automatic backup is still due.
 * <ul>
 * <li>Daily: the {@link BackupPolicy#daily()} newest {@link BackupKind#DAILY} backups (one a day, so that many days).
 * <li>Weekly: of the older daily backups, the newest of each ISO week (Monday to Sunday, as in Sweden) that holds no
 * kept daily backup, for the {@link BackupPolicy#weekly()} newest such weeks.
 * <li>Other kinds: the {@link BackupPolicy#other()} newest of them together.
 * </ul>
 */
public final class BackupRotation {
    private BackupRotation() {
    }

    /** The backups to keep under {@code policy}, newest first. */
    public static List<BackupFile> keep(List<BackupFile> all, BackupPolicy policy) {
        List<BackupFile> sorted = new ArrayList<>(all);
        sorted.sort(newestFirst());
        Set<BackupFile> kept = new LinkedHashSet<>();
        List<BackupFile> daily = sorted.stream().filter(b -> b.kind() == BackupKind.DAILY).toList();
        List<BackupFile> keptDaily = daily.subList(0, Math.min(policy.daily(), daily.size()));
        kept.addAll(keptDaily);
        Set<Long> weeksCovered = new HashSet<>();
        for (BackupFile b : keptDaily) {
            weeksCovered.add(week(b.taken().toLocalDate()));
        }
        int weeks = 0;
        for (BackupFile b : daily.subList(keptDaily.size(), daily.size())) {
            if (weeks >= policy.weekly()) {
                break;
            }
            if (weeksCovered.add(week(b.taken().toLocalDate()))) {
                kept.add(b); // the newest of a week not yet covered (the list is newest first)
                weeks++;
            }
        }
        sorted.stream().filter(b -> b.kind() != BackupKind.DAILY).limit(policy.other()).forEach(kept::add);
        List<BackupFile> out = new ArrayList<>(kept);
        out.sort(newestFirst());
        return out;
    }

    /** The backups {@code policy} no longer keeps, oldest last. */
    public static List<BackupFile> toDelete(List<BackupFile> all, BackupPolicy policy) {
        Set<BackupFile> kept = new HashSet<>(keep(all, policy));
        List<BackupFile> out = new ArrayList<>();
        for (BackupFile b : all) {
            if (!kept.contains(b)) {
                out.add(b);
            }
        }
        out.sort(newestFirst());
        return out;
    }

    /** Whether the automatic backup of {@code today} is still to be made: no daily backup is dated today (or later). */
    public static boolean dailyDue(List<BackupFile> all, LocalDate today) {
        return all.stream().noneMatch(b -> b.kind() == BackupKind.DAILY && !b.taken().toLocalDate().isBefore(today));
    }

    private static long week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static Comparator<BackupFile> newestFirst() {
        return Comparator.comparing(BackupFile::taken).thenComparing(BackupFile::name).reversed();
    }
}
