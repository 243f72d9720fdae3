package se.kvalitetshjulet.ui.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The analysis's reason ("anledning") from the coordinator's list (issue 21): the active reasons are offered; a
 * retired reason stays (marked) on the analysis that has it; a new draft whose default reason is retired starts
 * without one.
 */
final class RiskReasonChoice {
    private final ObservableList<RiskTrigger> choices = FXCollections.observableArrayList();
    private final Map<String, ListEntry> reasons = new HashMap<>();
    private final I18n i18n;

    RiskReasonChoice(I18n i18n) {
        this.i18n = i18n;
    }

    /** Shows the list's reasons for {@code a} and sets {@code trigger} to the analysis's own (or none). */
    void show(List<ListEntry> list, RiskAnalysis a, ObjectProperty<RiskTrigger> trigger) {
        reasons.clear();
        list.forEach(e -> reasons.put(e.code(), e));
        List<RiskTrigger> offered = new ArrayList<>(list.stream().filter(ListEntry::active)
                .map(e -> new RiskTrigger(e.code())).toList());
        RiskTrigger own = a.trigger();
        if (own != null && !offered.contains(own)) {
            if (a.id() == null) {
                own = null;
            } else {
                offered.add(own);
            }
        }
        choices.setAll(offered);
        trigger.set(own);
    }

    /** A reason as the list names it; a retired one says so; one missing from the list shows its code. */
    String label(RiskTrigger t) {
        if (t == null) {
            return "";
        }
        ListEntry e = reasons.get(t.code());
        if (e == null) {
            return t.builtIn() ? i18n.get("enum.RiskTrigger." + t.code()) : t.code();
        }
        return e.active() ? e.name() : i18n.get("risk.reason.retired", e.name());
    }

    ObservableList<RiskTrigger> choices() {
        return choices;
    }
}
