package se.kvalitetshjulet.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an opaque RGB image as a PNG file (decision 0045): 8-bit truecolour, no interlace, every row with the "Up"
 * filter (each byte as the difference to the byte above it: a chart's white areas, grid lines and bars become runs of
 * zeros), compressed by the JDK's zlib at its fastest level. The decoded pixels are exactly the image's; the file is
 * somewhat larger than ImageIO's, which tries all five filters on every row in Java and compresses harder, at about
 * three times the CPU time for the report's charts (measured in docs/PERFORMANCE.md).
 */
final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int FILTER_UP = 2;

    private PngWriter() {
    }

    /** The PNG of {@code img}, a whole {@link BufferedImage#TYPE_INT_RGB} image (not a part of another). */
    static byte[] png(BufferedImage img) throws IOException {
        if (img.getType() != BufferedImage.TYPE_INT_RGB || img.getRaster().getParent() != null
                || !(img.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel sm)) {
            throw new IllegalArgumentException("Only a whole TYPE_INT_RGB image is written, not " + img);
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int stride = sm.getScanlineStride();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.write(SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream(13);
        DataOutputStream hd = new DataOutputStream(header);
        hd.writeInt(w);
        hd.writeInt(h);
        hd.writeByte(8); // bits per sample
        hd.writeByte(2); // truecolour, no alpha
        hd.writeByte(0); // deflate
        hd.writeByte(0); // adaptive filtering (a filter byte per row)
        hd.writeByte(0); // no interlace
        chunk(out, "IHDR", header.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream(64 * 1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + 3 * w];
            row[0] = FILTER_UP;
            int offset = img.getRaster().getDataBuffer().getOffset();
            for (int y = 0; y < h; y++) {
                int base = offset + y * stride;
                int above = base - stride;
                for (int x = 0, i = 1; x < w; x++, i += 3) {
                    int p = pixels[base + x];
                    int q = y == 0 ? 0 : pixels[above + x];
                    row[i] = (byte) ((p >>> 16) - (q >>> 16));
                    row[i + 1] = (byte) ((p >>> 8) - (q >>> 8));
                    row[i + 2] = (byte) (p - q);
                }
                z.write(row);
            }
        } finally {
            deflater.end();
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
        d.flush();
    }
}
