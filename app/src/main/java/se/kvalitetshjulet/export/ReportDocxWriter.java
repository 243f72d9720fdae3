package se.kvalitetshjulet.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import se.kvalitetshjulet.service.report.ReportModel;

/**
 * Writes a report to Word: heading styles, a table of contents field, Word tables, page numbers in the footer and the
 * charts as high-resolution pictures.
 */
public final class ReportDocxWriter {
    private final ResourceBundle bundle;

    public ReportDocxWriter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void write(ReportModel model, Path target, BooleanSupplier cancelled) {
        List<ReportDocument.Block> blocks = ReportDocument.build(model, bundle);
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxKit.standardStyles(doc);
            DocxKit.a4(doc);
            doc.getProperties().getCoreProperties().setTitle(ReportDocument.title(model, bundle));
            List<String> toc = new ArrayList<>();
            for (ReportDocument.Block b : blocks) {
                if (b instanceof ReportDocument.Heading h && h.level() <= 2) {
                    toc.add((h.level() == 2 ? "    " : "") + h.text());
                }
            }
            boolean pageBreak = false;
            int chart = 0;
            for (ReportDocument.Block block : blocks) {
                ReportExporter.check(cancelled);
                XWPFParagraph p = null;
                switch (block) {
                    case ReportDocument.Title t -> {
                        p = DocxKit.styled(doc, "Title", t.title());
                        doc.createParagraph().createRun().setText(t.subtitle());
                    }
                    case ReportDocument.Contents c -> {
                        p = doc.createParagraph();
                        p.createRun().setText(c.heading());
                        p.getRuns().getFirst().setBold(true);
                        p.getRuns().getFirst().setFontSize(14);
                        DocxKit.tableOfContents(doc, toc);
                    }
                    case ReportDocument.PageBreak pb -> pageBreak = true;
                    case ReportDocument.Heading h -> p = DocxKit.styled(doc, "Heading" + h.level(), h.text());
                    case ReportDocument.Paragraph para -> {
                        p = doc.createParagraph();
                        DocxKit.lines(p.createRun(), para.text(), para.bold());
                    }
                    case ReportDocument.Table t -> {
                        if (pageBreak) {
                            doc.createParagraph().setPageBreak(true);
                            pageBreak = false;
                        }
                        DocxKit.table(doc, t.header(), t.rows(), t.widths());
                    }
                    case ReportDocument.Chart c -> {
                        p = doc.createParagraph();
                        p.setAlignment(ParagraphAlignment.CENTER);
                        p.setKeepNext(false);
                        byte[] png = ChartImages.png(c.spec());
                        p.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, "diagram" + (++chart) + ".png",
                                Units.toEMU(ChartPainter.WIDTH), Units.toEMU(ChartPainter.HEIGHT));
                    }
                }
                if (p != null && pageBreak) {
                    p.setPageBreak(true);
                    pageBreak = false;
                }
            }
            DocxKit.pageNumberFooter(doc, bundle.getString("risk.report.page"));
            RiskReportExporter.write(target, doc::write);
        } catch (IOException e) {
            throw new UncheckedIOException("Rapporten kunde inte skrivas till " + target + ".", e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("Diagrammet kunde inte bäddas in: " + e.getMessage(), e);
        }
    }
}
