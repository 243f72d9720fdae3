package se.kvalitetshjulet.ui.risk;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The risks of an analysis and how they are scored: the form of one risk (description, causes, barriers,
 * probability × consequence before and after measures, the score in words) and the heatmap (risks per cell, before
 * or after measures, and the risks of the chosen cell).
 */
final class RiskScoringForm {
    private final I18n i18n;
    private final Supplier<RiskMatrix> matrix;

    private final ObservableList<Risk> risks = FXCollections.observableArrayList();
    private final ObjectProperty<Risk> selected = new SimpleObjectProperty<>();
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty causes = new SimpleStringProperty("");
    private final StringProperty barriers = new SimpleStringProperty("");
    private final ObjectProperty<Integer> probability = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> consequence = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> residualProbability = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> residualConsequence = new SimpleObjectProperty<>();
    private final StringProperty score = new SimpleStringProperty("");

    private final BooleanProperty afterMeasures = new SimpleBooleanProperty();
    private final ObjectProperty<int[]> selectedCell = new SimpleObjectProperty<>();
    private final ObservableList<Risk> cellRisks = FXCollections.observableArrayList();

    final Command add;
    final Command update;
    final Command remove;

    /**
     * @param matrix the matrix of the analysis's template (the standard one until a template is loaded)
     * @param idle   true while the editor is loaded and not busy
     */
    RiskScoringForm(I18n i18n, Supplier<RiskMatrix> matrix, BooleanBinding idle) {
        this.i18n = i18n;
        this.matrix = matrix;
        add = new Command(this::add, description.isNotEmpty().and(idle));
        update = new Command(this::update, selected.isNotNull().and(description.isNotEmpty()).and(idle));
        remove = new Command(this::remove, selected.isNotNull().and(idle));
        for (ObjectProperty<Integer> p : List.of(probability, consequence, residualProbability, residualConsequence)) {
            p.addListener((o, a, b) -> updateScore());
        }
        selected.addListener((o, a, r) -> show(r));
        afterMeasures.addListener((o, a, b) -> updateCell());
        selectedCell.addListener((o, a, b) -> updateCell());
        risks.addListener((ListChangeListener<Risk>) c -> updateCell());
    }

    /** The analysis's risks are shown anew: nothing chosen, an empty form. */
    void reset(List<Risk> all) {
        risks.setAll(all);
        selected.set(null);
        show(null);
    }

    private Risk formRisk(Long riskId) {
        return new Risk(riskId, description.get().strip(), causes.get(), barriers.get(), probability.get(),
                consequence.get(), residualProbability.get(), residualConsequence.get());
    }

    private void add() {
        risks.add(formRisk(null));
        show(null);
    }

    private void update() {
        Risk old = selected.get();
        int i = risks.indexOf(old);
        if (i >= 0) {
            risks.set(i, formRisk(old.id()));
        }
        selected.set(null);
    }

    private void remove() {
        risks.remove(selected.get());
        selected.set(null);
    }

    private void show(Risk r) {
        description.set(r == null ? "" : r.description());
        causes.set(r == null ? "" : r.causes());
        barriers.set(r == null ? "" : r.barriers());
        probability.set(r == null ? null : r.probability());
        consequence.set(r == null ? null : r.consequence());
        residualProbability.set(r == null ? null : r.residualProbability());
        residualConsequence.set(r == null ? null : r.residualConsequence());
        updateScore();
    }

    private void updateScore() {
        RiskMatrix m = matrix.get();
        String before = m.band(probability.get(), consequence.get())
                .map(b -> i18n.get("risk.score", m.score(probability.get(), consequence.get()), b.label())).orElse("–");
        String after = m.band(residualProbability.get(), residualConsequence.get())
                .map(b -> i18n.get("risk.score", m.score(residualProbability.get(), residualConsequence.get()), b.label()))
                .orElse("–");
        score.set(i18n.get("risk.scoreBeforeAfter", before, after));
    }

    /** Score and band of a risk before or after measures, or "–" if not scored. */
    String scoreText(Risk r, boolean after) {
        RiskMatrix m = matrix.get();
        Integer p = after ? r.residualProbability() : r.probability();
        Integer c = after ? r.residualConsequence() : r.consequence();
        return m.band(p, c).map(b -> i18n.get("risk.score", m.score(p, c), b.label())).orElse("–");
    }

    Optional<ScoreBand> band(Risk r, boolean after) {
        return after ? matrix.get().band(r.residualProbability(), r.residualConsequence())
                : matrix.get().band(r.probability(), r.consequence());
    }

    // ---- heatmap -----------------------------------------------------------------------

    /** Risks per cell: [probability-1][consequence-1], before or after measures (unassessed "after" counts as before). */
    int[][] heatmapCounts() {
        RiskMatrix m = matrix.get();
        int n = m.size();
        int[][] counts = new int[n][n];
        for (Risk r : risks) {
            Integer p = r.probability(afterMeasures.get());
            Integer c = r.consequence(afterMeasures.get());
            if (m.inRange(p) && m.inRange(c)) {
                counts[p - 1][c - 1]++;
            }
        }
        return counts;
    }

    void selectCell(int p, int c) {
        selectedCell.set(new int[] {p, c});
    }

    private void updateCell() {
        int[] cell = selectedCell.get();
        if (cell == null) {
            cellRisks.clear();
            return;
        }
        cellRisks.setAll(risks.stream().filter(r -> Integer.valueOf(cell[0]).equals(r.probability(afterMeasures.get()))
                && Integer.valueOf(cell[1]).equals(r.consequence(afterMeasures.get()))).toList());
    }

    ObservableList<Risk> risks() { return risks; }
    ObjectProperty<Risk> selectedProperty() { return selected; }
    StringProperty descriptionProperty() { return description; }
    StringProperty causesProperty() { return causes; }
    StringProperty barriersProperty() { return barriers; }
    ObjectProperty<Integer> probabilityProperty() { return probability; }
    ObjectProperty<Integer> consequenceProperty() { return consequence; }
    ObjectProperty<Integer> residualProbabilityProperty() { return residualProbability; }
    ObjectProperty<Integer> residualConsequenceProperty() { return residualConsequence; }
    StringProperty scoreProperty() { return score; }
    BooleanProperty afterMeasuresProperty() { return afterMeasures; }
    ObjectProperty<int[]> selectedCellProperty() { return selectedCell; }
    ObservableList<Risk> cellRisks() { return cellRisks; }
}
