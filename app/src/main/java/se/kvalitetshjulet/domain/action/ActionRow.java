package se.kvalitetshjulet.domain.action;

import java.time.LocalDate;

import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * One row of the action list: the action and a readable link back to its source
 * ({@code sourceRef}: a deviation's case reference, a self-check's round and unit, a risk analysis' title,
 * a council meeting's date and title).
 */
public record ActionRow(Measure measure, ActionSource source, String sourceRef, String unitName) {

    public ActionStatus status(LocalDate today) {
        return ActionStatus.of(measure, today);
    }
}
