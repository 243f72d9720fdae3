package se.kvalitetshjulet.ui.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step of an analysis's checklist (named by its template), editable in place: done, and what was found. */
public final class ChecklistStep {
    private final int number;
    private final String name;
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final StringProperty text = new SimpleStringProperty("");

    ChecklistStep(int number, String name, boolean done, String text) {
        this.number = number;
        this.name = name;
        this.done.set(done);
        this.text.set(text);
    }

    public int number() { return number; }
    public String name() { return name; }
    public BooleanProperty doneProperty() { return done; }
    public StringProperty textProperty() { return text; }
}
