package se.kvalitetshjulet.domain.action;

import java.time.LocalDate;

import se.kvalitetshjulet.domain.deviation.Measure;

/** Status för en åtgärd: pågående, försenad, utförd (effekt ej kontrollerad), effekt kontrollerad (stängd). */
public enum ActionStatus {
    OPEN, OVERDUE, DONE, EFFECT_CHECKED;

    public static ActionStatus of(Measure m, LocalDate today) {
        if (m.done()) {
            return m.effectChecked() ? EFFECT_CHECKED : DONE;
        }
        return m.overdue(today) ? OVERDUE : OPEN;
    }
}
