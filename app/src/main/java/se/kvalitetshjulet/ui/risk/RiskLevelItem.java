package se.kvalitetshjulet.ui.risk;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.risk.RiskLevel;

/** One level of a risk matrix axis (sannolikhet or konsekvens) being edited: its label and description. */
public final class RiskLevelItem {
    private final int value;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");

    RiskLevelItem(int value, String label, String description) {
        this.value = value;
        this.label.set(label == null ? "" : label);
        this.description.set(description == null ? "" : description);
    }

    public int value() { return value; }
    public StringProperty labelProperty() { return label; }
    public StringProperty descriptionProperty() { return description; }

    RiskLevel toLevel() {
        return new RiskLevel(value, label.get().strip(), description.get().strip());
    }
}
