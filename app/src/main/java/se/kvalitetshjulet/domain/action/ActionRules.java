package se.kvalitetshjulet.domain.action;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * Rules of an improvement action whatever its source. An action is done when carried out; it is closed only when
 * its effect has been checked ({@link Measure#effectChecked()}): what was checked, and whether it worked.
 */
public final class ActionRules {
    private ActionRules() {
    }

    /** What every saved action needs: what, who, by when; an effect judgement only after it is done. */
    public static List<Problem> validate(Measure m) {
        List<Problem> p = new ArrayList<>();
        if (m.what() == null || m.what().isBlank()) {
            p.add(new Problem("what", "measure.validation.whatRequired"));
        }
        if (m.responsible() == null || m.responsible().isBlank()) {
            p.add(new Problem("responsible", "measure.validation.responsibleRequired"));
        }
        if (m.dueOn() == null) {
            p.add(new Problem("dueOn", "measure.validation.dueRequired"));
        }
        if (m.effective() != null && m.doneOn() == null) {
            p.add(new Problem("effective", "measure.validation.effectBeforeDone"));
        }
        return p;
    }

    /** Closing (effect checked) requires a done action with a written effect check and a judgement. */
    public static List<Problem> checkClose(Measure m) {
        List<Problem> p = new ArrayList<>();
        if (!m.done()) {
            p.add(new Problem("doneOn", "action.validation.closeNotDone"));
        }
        if (!m.effectChecked()) {
            p.add(new Problem("effectCheck", "action.validation.effectCheckRequired"));
        }
        return p;
    }

    /** The action with its effect check filled in (not yet validated). */
    public static Measure withEffectCheck(Measure m, String check, Boolean effective) {
        return new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(), m.measureTypeId(),
                m.responsible(), m.dueOn(), m.doneOn(), check == null ? null : check.strip(), effective, m.version());
    }

    public static Measure withDone(Measure m, java.time.LocalDate doneOn) {
        return new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(), m.measureTypeId(),
                m.responsible(), m.dueOn(), doneOn, m.effectCheck(), m.effective(), m.version());
    }

    public static Measure withDue(Measure m, java.time.LocalDate dueOn) {
        return new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(), m.measureTypeId(),
                m.responsible(), dueOn, m.doneOn(), m.effectCheck(), m.effective(), m.version());
    }
}
