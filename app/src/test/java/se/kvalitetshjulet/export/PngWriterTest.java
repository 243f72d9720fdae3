package se.kvalitetshjulet.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Decision 0045: the Word report's chart pictures are written by our PNG writer; what a reader decodes is the image. */
class PngWriterTest {
    @Test
    void aChartLikePictureDecodesToExactlyItsPixels() throws Exception {
        BufferedImage img = new BufferedImage(640, 333, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 333);
        g.setColor(new Color(0x5B9BD5));
        g.fillRect(60, 120, 40, 180);
        g.setColor(new Color(0xC00000));
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(20, 300, 620, 40);
        g.setColor(new Color(0x262626));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString("Avvikelser per månad – åäö ÅÄÖ", 30, 30);
        g.dispose();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) { // single pixels of any colour, also where a row differs from the one above
            img.setRGB(random.nextInt(640), random.nextInt(333), random.nextInt(1 << 24));
        }
        byte[] png = PngWriter.png(img);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(back.getWidth()).isEqualTo(640);
        assertThat(back.getHeight()).isEqualTo(333);
        for (int y = 0; y < 333; y++) {
            for (int x = 0; x < 640; x++) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(png.length).as("compressed: far below the raw 3 bytes a pixel").isLessThan(640 * 333 * 3 / 4);
    }

    @Test
    void onlyAWholeOpaqueRgbImageIsWritten() {
        assertThatThrownBy(() -> PngWriter.png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PngWriter.png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB).getSubimage(2, 2, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
