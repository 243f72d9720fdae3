package se.kvalitetshjulet.ui.trend;

import java.time.LocalDate;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.trend.Annotation;
import se.kvalitetshjulet.ui.common.Command;

/** The chart's dated annotations ("Ny rutin införd"), optionally starting a new phase, and the form that adds one. */
final class AnnotationForm {
    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty phase = new SimpleBooleanProperty(false);
    final Command add;

    AnnotationForm() {
        add = new Command(this::add, date.isNotNull()
                .and(Bindings.createBooleanBinding(() -> !text.get().isBlank(), text)));
    }

    private void add() {
        annotations.add(new Annotation(date.get(), text.get(), phase.get()));
        text.set("");
        phase.set(false);
    }

    ObservableList<Annotation> annotations() { return annotations; }
    ObjectProperty<LocalDate> date() { return date; }
    StringProperty text() { return text; }
    BooleanProperty phase() { return phase; }
}
