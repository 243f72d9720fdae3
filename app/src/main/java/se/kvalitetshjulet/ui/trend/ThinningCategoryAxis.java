package se.kvalitetshjulet.ui.trend;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

import se.kvalitetshjulet.domain.trend.LabelThinning;

/**
 * A category axis that, when its labels would overlap at the size it is drawn (36 months on a projector,
 * a small export), shows only every k-th label, counted back from the newest so the last period is always named.
 * A shown label is always whole: JFreeChart fits each label into one category's width and cuts it ("20…"); here
 * the labels are thinned so that whole labels fit, and drawn whole.
 */
final class ThinningCategoryAxis extends CategoryAxis {
    private int lastStep = 1;
    private List<String> lastShown = List.of();
    private final boolean thin;

    /** A time axis: labels thinned when they would overlap. */
    ThinningCategoryAxis() {
        this(true);
    }

    /** {@code thin} false: every label shown whole (Pareto categories, already abbreviated). */
    ThinningCategoryAxis(boolean thin) {
        this.thin = thin;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<CategoryTick> ticks = super.refreshTicks(g2, state, dataArea, edge);
        int n = ticks.size();
        if (n < 2) {
            lastStep = 1;
            return ticks;
        }
        FontMetrics fm = g2.getFontMetrics(getTickLabelFont());
        boolean rotated = ticks.getFirst().getAngle() != 0.0;
        double extent = rotated ? fm.getHeight()
                : ticks.stream().mapToDouble(t -> fm.stringWidth(t.getCategory().toString())).max().orElse(0);
        double length = RectangleEdge.isTopOrBottom(edge) ? dataArea.getWidth() : dataArea.getHeight();
        double usable = length * (1 - getLowerMargin() - getUpperMargin());
        lastStep = thin ? LabelThinning.step(n, usable, extent, fm.getHeight() * 0.25) : 1;
        List<CategoryTick> out = new ArrayList<>(n);
        List<String> shown = new ArrayList<>();
        org.jfree.chart.axis.CategoryLabelPosition position = getCategoryLabelPositions().getLabelPosition(edge);
        double extentAcross = state.getMax();
        for (int i = 0; i < n; i++) {
            CategoryTick t = ticks.get(i);
            if (LabelThinning.shown(i, n, lastStep)) {
                String label = t.getCategory().toString();
                shown.add(label);
                TextBlock block = TextUtils.createTextBlock(label, getTickLabelFont(), getTickLabelPaint());
                // The whole label needs its whole extent: reserve it, or rotated labels run into the legend below.
                extentAcross = Math.max(extentAcross, RectangleEdge.isTopOrBottom(edge)
                        ? calculateTextBlockHeight(block, position, g2) : calculateTextBlockWidth(block, position, g2));
                out.add(new CategoryTick(t.getCategory(), block, t.getLabelAnchor(), t.getRotationAnchor(),
                        t.getAngle()));
            } else {
                out.add(new CategoryTick(t.getCategory(), new TextBlock(), t.getLabelAnchor(), t.getRotationAnchor(),
                        t.getAngle()));
            }
        }
        lastShown = List.copyOf(shown);
        state.setMax(extentAcross);
        return out;
    }

    /** The labels drawn the last time, whole (for the legibility test). */
    List<String> lastShown() {
        return lastShown;
    }

    /** The step used the last time the axis was drawn (1: every label shown). */
    int lastStep() {
        return lastStep;
    }
}
