package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Deadline per kind in days from registration (configurable; defaults from the kind). */
public final class DeadlineRules {
    /** "Anmälan till IVO snarast": days after registration unless the coordinator sets another number. */
    public static final int DEFAULT_IVO_NOTIFICATION_DAYS = 7;
    /** The deadline_rule key of the IVO notification rule (beside the kinds). */
    public static final String IVO_NOTIFICATION_RULE = "IVO_ANMALAN";

    private final Map<DeviationKind, Integer> days = new EnumMap<>(DeviationKind.class);
    private final int ivoNotificationDays;

    public DeadlineRules(Map<DeviationKind, Integer> configured) {
        this(configured, DEFAULT_IVO_NOTIFICATION_DAYS);
    }

    public DeadlineRules(Map<DeviationKind, Integer> configured, int ivoNotificationDays) {
        for (DeviationKind k : DeviationKind.values()) {
            days.put(k, configured.getOrDefault(k, k.defaultDeadlineDays()));
        }
        this.ivoNotificationDays = ivoNotificationDays;
    }

    public int ivoNotificationDays() {
        return ivoNotificationDays;
    }

    /**
     * When a serious lex Sarah / lex Maria case must be notified to IVO (registration + the rule's days), or null
     * when the case needs no notification.
     */
    public LocalDate ivoDueOn(Deviation d) {
        return DeviationRules.requiresIvo(d) && d.registeredOn() != null ? d.registeredOn().plusDays(ivoNotificationDays)
                : null;
    }

    /** A case that must be notified to IVO, is not yet, and whose IVO deadline has passed. */
    public boolean ivoOverdue(Deviation d, LocalDate today) {
        LocalDate due = ivoDueOn(d);
        return due != null && d.ivoReportedOn() == null && due.isBefore(today);
    }

    /**
     * The day before which a serious case still not notified is late: registered before today minus the rule's
     * days (registration + days is before today).
     */
    public LocalDate ivoLateBefore(LocalDate today) {
        return today.minusDays(ivoNotificationDays);
    }

    public static DeadlineRules defaults() {
        return new DeadlineRules(Map.of());
    }

    public int days(DeviationKind kind) {
        return days.get(kind);
    }

    public LocalDate dueOn(DeviationKind kind, LocalDate registeredOn) {
        return registeredOn == null ? null : registeredOn.plusDays(days(kind));
    }
}
