package se.kvalitetshjulet.ui.deviation;

import java.time.LocalDate;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRules;
import se.kvalitetshjulet.domain.deviation.IvoDetails;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The IVO part of a deviation (anmälan till IVO after lex Sarah or lex Maria): when it was reported, IVO's reference,
 * who notified (the choices follow the kind), IVO's decision, and the deadline shown when it is late.
 */
final class DeviationIvoFields {
    private final ObjectProperty<LocalDate> reportedOn = new SimpleObjectProperty<>();
    private final StringProperty reference = new SimpleStringProperty("");
    private final ObjectProperty<IvoDetails.Notifier> notifier = new SimpleObjectProperty<>();
    private final StringProperty notifiedBy = new SimpleStringProperty("");
    private final StringProperty decision = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> decisionDate = new SimpleObjectProperty<>();
    private final StringProperty deadline = new SimpleStringProperty("");
    private final BooleanProperty overdue = new SimpleBooleanProperty();
    private final BooleanProperty required = new SimpleBooleanProperty();
    private final ObservableList<IvoDetails.Notifier> notifiers = FXCollections.observableArrayList();

    /** The fields the user edits. */
    List<Property<?>> editables() {
        return List.of(reportedOn, reference, notifier, notifiedBy, decision, decisionDate);
    }

    /** The notifiers offered follow the kind; a chosen one the kind does not offer is cleared. */
    void kindChanged(DeviationKind k) {
        notifiers.setAll(IvoDetails.Notifier.forKind(k));
        if (notifier.get() != null && !notifiers.contains(notifier.get())) {
            notifier.set(null);
        }
    }

    void show(Deviation d) {
        reportedOn.set(d.ivoReportedOn());
        reference.set(d.ivoReference() == null ? "" : d.ivoReference());
        notifiers.setAll(IvoDetails.Notifier.forKind(d.kind()));
        notifier.set(d.ivoDetails().notifierRole());
        notifiedBy.set(d.ivoDetails().notifiedBy());
        decision.set(d.ivoDetails().decision());
        decisionDate.set(d.ivoDetails().decisionDate());
    }

    IvoDetails details() {
        return new IvoDetails(notifier.get(), notifiedBy.get(), decision.get(), decisionDate.get());
    }

    /** Whether IVO must be notified, and the deadline ({@code due}, null when none) as of {@code today}. */
    void derive(Deviation d, LocalDate due, LocalDate today, I18n i18n) {
        required.set(DeviationRules.requiresIvo(d));
        boolean late = due != null && d.ivoReportedOn() == null && due.isBefore(today);
        overdue.set(late);
        deadline.set(due == null || d.ivoReportedOn() != null ? ""
                : i18n.get(late ? "deviation.ivo.deadlineOverdue" : "deviation.ivo.deadline", due));
    }

    ObjectProperty<LocalDate> reportedOnProperty() { return reportedOn; }
    StringProperty referenceProperty() { return reference; }
    ObjectProperty<IvoDetails.Notifier> notifierProperty() { return notifier; }
    ObservableList<IvoDetails.Notifier> notifiers() { return notifiers; }
    StringProperty notifiedByProperty() { return notifiedBy; }
    StringProperty decisionProperty() { return decision; }
    ObjectProperty<LocalDate> decisionDateProperty() { return decisionDate; }
    StringProperty deadlineProperty() { return deadline; }
    BooleanProperty overdueProperty() { return overdue; }
    BooleanProperty requiredProperty() { return required; }
}
