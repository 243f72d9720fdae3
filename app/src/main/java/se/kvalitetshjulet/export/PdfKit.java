package se.kvalitetshjulet.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Shared PDF building blocks for the exports: the fonts and the "page N of M" footer (the PDF side of DocxKit). */
final class PdfKit {
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    static final Path DEJAVU_BOLD = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

    /** The regular and bold font of a document. */
    record Fonts(PDFont regular, PDFont bold) { }

    private PdfKit() {
    }

    /**
     * DejaVu Sans when the system has it, so åäö and every other letter print; otherwise the standard Helvetica with
     * WinAnsi encoding, which also covers åäö.
     */
    static Fonts fonts(PDDocument doc) throws IOException {
        if (Files.isReadable(DEJAVU) && Files.isReadable(DEJAVU_BOLD)) {
            return new Fonts(PDType0Font.load(doc, DEJAVU.toFile()), PDType0Font.load(doc, DEJAVU_BOLD.toFile()));
        }
        return new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    /** Stamps a centred "page N of M" on every page; {@code pageOf} is a pattern with {0} (page) and {1} (pages). */
    static void pageNumberFooter(PDDocument doc, PDFont font, String pageOf) throws IOException {
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                String label = RiskReportExporter.PdfLayout.encodable(font, pageOf
                        .replace("{0}", Integer.toString(i + 1)).replace("{1}", Integer.toString(pages)));
                float w = font.getStringWidth(label) / 1000 * 9;
                PdfTags.beginArtifact(cs); // page numbers are decoration, not read as text
                cs.beginText();
                cs.setFont(font, 9);
                cs.newLineAtOffset((page.getMediaBox().getWidth() - w) / 2, 28);
                cs.showText(label);
                cs.endText();
                cs.endMarkedContent();
            }
        }
    }
}
