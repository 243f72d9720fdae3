package se.kvalitetshjulet.domain.deviation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/** Deadline per kind in days from registration (configurable; defaults from the kind). */
public final class DeadlineRules {
    private final Map<DeviationKind, Integer> days = new EnumMap<>(DeviationKind.class);

    public DeadlineRules(Map<DeviationKind, Integer> configured) {
        for (DeviationKind k : DeviationKind.values()) {
            days.put(k, configured.getOrDefault(k, k.defaultDeadlineDays()));
        }
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
