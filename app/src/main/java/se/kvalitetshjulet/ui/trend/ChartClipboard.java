package se.kvalitetshjulet.ui.trend;

import java.awt.image.BufferedImage;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts a drawn chart on the system clipboard as an image (pasted into e-mail, Word or PowerPoint as a picture). */
final class ChartClipboard {
    private ChartClipboard() {
    }

    static void put(BufferedImage img) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(toFxImage(img));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** An AWT image as a JavaFX image, pixel for pixel. */
    static Image toFxImage(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
