package se.kvalitetshjulet.ui.risk;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One score band (riskområde) being edited: a name, a score range (typed, so perhaps not a number) and a colour. */
public final class RiskBandItem {
    private final String code;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty colour = new SimpleStringProperty("#9e9e9e");

    RiskBandItem(String code, String label, int from, int to, String colour) {
        this.code = code;
        this.label.set(label == null ? "" : label);
        this.from.set(Integer.toString(from));
        this.to.set(Integer.toString(to));
        this.colour.set(colour);
    }

    public StringProperty labelProperty() { return label; }
    public StringProperty fromProperty() { return from; }
    public StringProperty toProperty() { return to; }
    /** The colour as #rrggbb. */
    public StringProperty colourProperty() { return colour; }

    /** The stored code, or null for a band added in the editor. */
    String code() {
        return code;
    }

    Integer fromValue() {
        return integer(from.get());
    }

    Integer toValue() {
        return integer(to.get());
    }

    boolean contains(int score) {
        Integer f = fromValue();
        Integer t = toValue();
        return f != null && t != null && score >= f && score <= t;
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
