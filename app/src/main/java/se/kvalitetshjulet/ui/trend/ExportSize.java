package se.kvalitetshjulet.ui.trend;

/** Bildstorlek för export: common screen and projector sizes, or a size of one's own. */
public enum ExportSize {
    HD(1280, 720), FULL_HD(1920, 1080), UHD(3840, 2160), CUSTOM(0, 0);

    /** The resolutions offered, written into the PNG file (dots per inch). */
    public static final java.util.List<Integer> DPIS = java.util.List.of(96, 150, 300);
    /** Limits on a custom size: large enough for a poster, small enough not to exhaust memory. */
    public static final int MIN = 200;
    public static final int MAX = 8000;

    private final int width;
    private final int height;

    ExportSize(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
