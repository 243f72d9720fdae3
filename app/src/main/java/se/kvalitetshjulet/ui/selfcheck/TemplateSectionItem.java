package se.kvalitetshjulet.ui.selfcheck;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An avsnitt of a self-check template being edited: its title and its questions. */
public final class TemplateSectionItem {
    private final StringProperty title = new SimpleStringProperty("");
    private final ObservableList<TemplateQuestionItem> questions = FXCollections.observableArrayList(
            q -> new Observable[] {q.textProperty(), q.typeProperty(), q.requiredProperty()});

    public StringProperty titleProperty() { return title; }
    public ObservableList<TemplateQuestionItem> questions() { return questions; }

    @Override
    public String toString() {
        return title.get();
    }
}
