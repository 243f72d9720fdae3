package se.kvalitetshjulet.domain.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Årshjulet: the year's activities laid out by due date, each with its status today. */
public final class AnnualCycle {
    /** Activities due within this many days count as due soon. */
    public static final int DUE_SOON_DAYS = 30;

    private AnnualCycle() {
    }

    public record Key(long activityId, int year) { }

    /**
     * @param done completion dates per activity and year
     */
    public static List<Occurrence> occurrences(List<AnnualActivity> activities, int year, Map<Key, LocalDate> done,
                                               LocalDate today) {
        List<Occurrence> out = new ArrayList<>();
        for (AnnualActivity a : activities) {
            if (!a.active()) {
                continue;
            }
            LocalDate due = a.dueIn(year);
            if (due == null) {
                continue;
            }
            LocalDate doneOn = a.id() == null ? null : done.get(new Key(a.id(), year));
            out.add(new Occurrence(a, year, due, doneOn, status(due, doneOn, today)));
        }
        out.sort(Comparator.comparing(Occurrence::dueOn).thenComparing(o -> o.activity().title()));
        return out;
    }

    public static Occurrence.CycleStatus status(LocalDate due, LocalDate doneOn, LocalDate today) {
        if (doneOn != null) {
            return Occurrence.CycleStatus.DONE;
        }
        if (due.isBefore(today)) {
            return Occurrence.CycleStatus.OVERDUE;
        }
        return due.isAfter(today.plusDays(DUE_SOON_DAYS)) ? Occurrence.CycleStatus.LATER : Occurrence.CycleStatus.DUE_SOON;
    }
}
