package se.kvalitetshjulet.domain.trend;

/**
 * Glesare axeletiketter: when the labels of a category axis do not fit side by side, show only
 * every k-th one so that none overlap. Pure arithmetic, used when the chart is drawn at its real size.
 */
public final class LabelThinning {
    private LabelThinning() {
    }

    /**
     * The smallest step k ≥ 1 such that labels k categories apart are at least {@code labelExtent}
     * (plus {@code gap}) apart.
     *
     * @param count       number of categories
     * @param available   length of the axis in pixels
     * @param labelExtent the space one label needs along the axis (its width, or its height when rotated)
     */
    public static int step(int count, double available, double labelExtent, double gap) {
        if (count <= 1 || available <= 0) {
            return 1;
        }
        double perCategory = available / count;
        double need = labelExtent + gap;
        return Math.max(1, (int) Math.ceil(need / perCategory - 1e-9));
    }

    /** Whether the label at {@code index} is shown with this step (the last one always is, counted back from it). */
    public static boolean shown(int index, int count, int step) {
        return (count - 1 - index) % step == 0;
    }
}
