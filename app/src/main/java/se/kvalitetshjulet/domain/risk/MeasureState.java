package se.kvalitetshjulet.domain.risk;

import java.time.LocalDate;

import se.kvalitetshjulet.domain.deviation.Measure;

/** Åtgärdens status, derived from the action row: planerad, försenad, genomförd, effekt uppföljd. */
public enum MeasureState {
    PLANERAD, FORSENAD, GENOMFORD, EFFEKT_UPPFOLJD;

    public static MeasureState of(Measure m, LocalDate today) {
        if (m.done() && m.effectChecked()) {
            return EFFEKT_UPPFOLJD;
        }
        if (m.done()) {
            return GENOMFORD;
        }
        return m.overdue(today) ? FORSENAD : PLANERAD;
    }
}
