package se.kvalitetshjulet.ui.deviation;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.service.imports.ImportField;

/** One target field of the import's mapping step: the file column that fills it and an optional default value. */
public final class ImportFieldRow {
    private final ImportField field;
    private final String label;
    private final boolean required;
    private final ObjectProperty<String> column = new SimpleObjectProperty<>();
    private final StringProperty defaultValue = new SimpleStringProperty("");

    ImportFieldRow(ImportField field, String label, boolean required) {
        this.field = field;
        this.label = label;
        this.required = required;
    }

    public ImportField field() {
        return field;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public ObjectProperty<String> columnProperty() {
        return column;
    }

    public StringProperty defaultValueProperty() {
        return defaultValue;
    }
}
