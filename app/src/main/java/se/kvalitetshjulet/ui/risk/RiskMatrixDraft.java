package se.kvalitetshjulet.ui.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.ScoreBand;

/**
 * The risk matrix of a template being edited: the probability and consequence levels and the score bands, how they
 * follow a change of size, and the colour and band name of every cell of the preview.
 */
final class RiskMatrixDraft {
    private final ObservableList<RiskLevelItem> probabilities = FXCollections.observableArrayList(
            l -> new Observable[] {l.labelProperty(), l.descriptionProperty()});
    private final ObservableList<RiskLevelItem> consequences = FXCollections.observableArrayList(
            l -> new Observable[] {l.labelProperty(), l.descriptionProperty()});
    private final ObservableList<RiskBandItem> bands = FXCollections.observableArrayList(
            b -> new Observable[] {b.labelProperty(), b.fromProperty(), b.toProperty(), b.colourProperty()});

    ObservableList<RiskLevelItem> probabilities() { return probabilities; }
    ObservableList<RiskLevelItem> consequences() { return consequences; }
    ObservableList<RiskBandItem> bands() { return bands; }

    void set(RiskMatrix m) {
        probabilities.setAll(m.probabilities().stream()
                .map(l -> new RiskLevelItem(l.value(), l.label(), l.description())).toList());
        consequences.setAll(m.consequences().stream()
                .map(l -> new RiskLevelItem(l.value(), l.label(), l.description())).toList());
        bands.setAll(m.bands().stream()
                .map(b -> new RiskBandItem(b.code(), b.label(), b.from(), b.to(), b.colour())).toList());
    }

    /**
     * Changing the size: a matrix still at the standard of the old size gets the standard of the new one; otherwise
     * the levels are cut or extended (new levels empty, to be named) and the bands are fitted to the new highest score.
     */
    void resize(int from, int to) {
        RiskMatrix current = toMatrix(from);
        RiskMatrix standardOld = standard(from);
        RiskMatrix standardNew = standard(to);
        if (standardOld != null && standardNew != null && standardOld.equals(current)) {
            set(standardNew);
            return;
        }
        probabilities.setAll(fit(probabilities, to));
        consequences.setAll(fit(consequences, to));
        int max = to * to;
        List<RiskBandItem> kept = new ArrayList<>();
        for (RiskBandItem b : bands) {
            Integer f = b.fromValue();
            if (f == null || f <= max) {
                kept.add(b);
            }
        }
        if (!kept.isEmpty()) {
            RiskBandItem last = kept.getLast();
            Integer t = last.toValue();
            if (t == null || t != max) {
                last.toProperty().set(Integer.toString(max));
            }
        }
        bands.setAll(kept);
    }

    private static List<RiskLevelItem> fit(List<RiskLevelItem> levels, int n) {
        List<RiskLevelItem> out = new ArrayList<>(levels.subList(0, Math.min(n, levels.size())));
        for (int v = out.size() + 1; v <= n; v++) {
            out.add(new RiskLevelItem(v, "", ""));
        }
        return out;
    }

    private static RiskMatrix standard(int n) {
        return n == 4 ? RiskMatrix.socialstyrelsen4x4() : n == 5 ? RiskMatrix.fiveByFive() : null;
    }

    /** A new band from the score after the highest band up to the matrix's highest score. */
    void addBand(int size) {
        int max = size * size;
        int next = 1;
        for (RiskBandItem b : bands) {
            Integer t = b.toValue();
            if (t != null) {
                next = Math.max(next, t + 1);
            }
        }
        int from = Math.min(next, max);
        bands.add(new RiskBandItem(null, "", from, max, "#9e9e9e"));
    }

    /** The matrix of size {@code n} as it would be saved now; band codes made from the names where new, unique. */
    RiskMatrix toMatrix(int n) {
        List<ScoreBand> list = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (RiskBandItem b : bands) {
            String code = b.code() != null && !b.code().isBlank() ? b.code() : code(b.labelProperty().get());
            String unique = code;
            for (int i = 2; !codes.add(unique); i++) {
                unique = code + "_" + i;
            }
            Integer f = b.fromValue();
            Integer t = b.toValue();
            list.add(new ScoreBand(unique, b.labelProperty().get().strip(), f == null ? 0 : f, t == null ? 0 : t,
                    b.colourProperty().get()));
        }
        return new RiskMatrix(n, probabilities.stream().map(RiskLevelItem::toLevel).toList(),
                consequences.stream().map(RiskLevelItem::toLevel).toList(), list);
    }

    /** The colour of a preview cell (#rrggbb), or null when no band covers its score. */
    String cellColour(int probability, int consequence) {
        int score = probability * consequence;
        return bands.stream().filter(b -> b.contains(score)).map(b -> b.colourProperty().get()).findFirst().orElse(null);
    }

    /** The name of the band covering a score, or "" when none does. */
    String bandLabel(int score) {
        return bands.stream().filter(b -> b.contains(score)).map(b -> b.labelProperty().get()).findFirst().orElse("");
    }

    /** A band code from its name: "Mycket hög" → MYCKET_HOG. */
    static String code(String label) {
        String s = label == null ? "" : label.strip().toUpperCase(Locale.ROOT)
                .replace('Å', 'A').replace('Ä', 'A').replace('Ö', 'O').replace('É', 'E')
                .replaceAll("[^A-Z0-9]+", "_").replaceAll("(^_+|_+$)", "");
        return s.isEmpty() ? "BAND" : s;
    }
}
