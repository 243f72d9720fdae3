package se.kvalitetshjulet.domain.backup;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.Problem;

/**
 * How many backups are kept beside a database: the newest {@code daily} automatic ones (one a day), then the newest
 * automatic one of each of the {@code weekly} weeks before those, and the newest {@code other} of all the rest
 * (manual, before an upgrade, before a restore, by encrypt/rekey). See {@link BackupRotation}.
 */
public record BackupPolicy(int daily, int weekly, int other) {
    public static final int MAX_DAILY = 366;
    public static final int MAX_WEEKLY = 520;
    public static final int MAX_OTHER = 100;
    /** Seven days, four weeks before them, and the five newest of the other kinds (as before daily backups). */
    public static final BackupPolicy DEFAULT = new BackupPolicy(7, 4, 5);

    /** What is wrong with the numbers (message keys {@code h5.backup.validation.*}); empty when they can be used. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (daily < 1 || daily > MAX_DAILY) {
            out.add(new Problem("daily", "h5.backup.validation.daily", MAX_DAILY));
        }
        if (weekly < 0 || weekly > MAX_WEEKLY) {
            out.add(new Problem("weekly", "h5.backup.validation.weekly", MAX_WEEKLY));
        }
        if (other < 1 || other > MAX_OTHER) {
            out.add(new Problem("other", "h5.backup.validation.other", MAX_OTHER));
        }
        return out;
    }
}
