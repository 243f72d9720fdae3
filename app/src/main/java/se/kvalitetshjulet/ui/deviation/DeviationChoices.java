package se.kvalitetshjulet.ui.deviation;

import java.time.LocalDate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * What the deviation editor's pickers offer: units, categories and causes (retired entries only where the record
 * already uses them, decision 0015), the laws and assessments the kind allows, and the citation of the chosen law
 * valid on the record's date.
 */
final class DeviationChoices {
    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> categories = FXCollections.observableArrayList();
    private final ObservableList<Taxonomy> causes = FXCollections.observableArrayList();
    private final ObservableList<Law> laws = FXCollections.observableArrayList();
    private final ObservableList<Assessment> assessments = FXCollections.observableArrayList();
    /** The laws' citations with validity dates: the record shows the one valid on its date (decision 0015). */
    private final ObservableList<LegalReference> legalReferences = FXCollections.observableArrayList();
    private final StringBinding citation;

    DeviationChoices(ObservableValue<Law> law, ObservableValue<LocalDate> occurredOn,
                     ObservableValue<LocalDate> registeredOn) {
        citation = Bindings.createStringBinding(() -> {
            LocalDate day = occurredOn.getValue() != null ? occurredOn.getValue() : registeredOn.getValue();
            return law.getValue() == null ? "" : LegalReference.validOn(legalReferences, law.getValue().name(), day)
                    .map(LegalReference::citation).orElse("");
        }, law, occurredOn, registeredOn, legalReferences);
    }

    /** The laws and assessments of kind {@code k}. */
    void kind(DeviationKind k) {
        laws.setAll(k.allowedLaws());
        assessments.setAll(k.assessments());
    }

    ObservableList<Unit> units() { return units; }
    ObservableList<Taxonomy> categories() { return categories; }
    ObservableList<Taxonomy> causes() { return causes; }
    ObservableList<Law> laws() { return laws; }
    ObservableList<Assessment> assessments() { return assessments; }
    ObservableList<LegalReference> legalReferences() { return legalReferences; }
    StringBinding citation() { return citation; }
}
