package se.kvalitetshjulet.service.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** A small organisation, a fixed clock and helpers that write test files in different encodings. */
final class ImportTestSupport {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneId.of("Europe/Stockholm"));
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String HEADER = "Ärendenummer;Registrerad;Händelsedatum;Enhet;Typ;Kategori;Rubrik;Beskrivning;Rapportör";

    private ImportTestSupport() {
    }

    /**
     * Opens a new database with: Omsorgsförvaltningen › Särskilt boende › Solbacken › Våning 1,
     * … › Ekhagen › Våning 1 (two units named "Våning 1") and … › Hemtjänst › Hemtjänst Norr.
     */
    static AppContext context(Path dir) {
        AppContext ctx = new AppContext(Database.open(dir.resolve("t.db")), CLOCK);
        Unit adm = unit(ctx, null, "Omsorgsförvaltningen", OrgLevel.FORVALTNING);
        Unit sabo = unit(ctx, adm, "Särskilt boende", OrgLevel.AVDELNING);
        Unit sol = unit(ctx, sabo, "Solbacken", OrgLevel.ENHET);
        unit(ctx, sol, "Våning 1", OrgLevel.SEKTION);
        Unit ek = unit(ctx, sabo, "Ekhagen", OrgLevel.ENHET);
        unit(ctx, ek, "Våning 1", OrgLevel.SEKTION);
        Unit ht = unit(ctx, adm, "Hemtjänst", OrgLevel.AVDELNING);
        unit(ctx, ht, "Hemtjänst Norr", OrgLevel.ENHET);
        return ctx;
    }

    static Unit unit(AppContext ctx, Unit parent, String name, OrgLevel level) {
        return ctx.units().save(new Unit(null, parent == null ? null : parent.id(), name, level, null,
                ProviderKind.KOMMUNAL, null, LocalDate.of(2015, 1, 1), null));
    }

    static DeviationImporter importer(AppContext ctx) {
        return new DeviationImporter(ctx.database(), ctx.units(), ctx.taxonomies(), ctx.audit(), ctx.clock());
    }

    static long count(AppContext ctx) {
        return ctx.deviations().count(DeviationFilter.all(), ctx.today());
    }

    static ImportResult run(AppContext ctx, Path file, boolean dryRun) {
        return run(ctx, file, "Gamla systemet", dryRun);
    }

    static ImportResult run(AppContext ctx, Path file, String source, boolean dryRun) {
        DeviationImporter imp = importer(ctx);
        ImportMapping mapping;
        try {
            mapping = ImportMapping.guess(imp.open(file).headers());
        } catch (ImportFileException e) {
            mapping = ImportMapping.empty();
        }
        return imp.run(file, mapping, source, dryRun, (p, m) -> { }, () -> false);
    }

    /** Three good rows (data rows 2–4), semicolons. */
    static String goodRows() {
        return String.join("\r\n", HEADER,
                "A-1;2025-03-15;2025-03-14;Hemtjänst Norr;Kvalitetsavvikelse;Utebliven insats/besök;Besök uteblev;"
                        + "Planerat besök uteblev på morgonen.;Undersköterska",
                "A-2;15/3/2025;;Solbacken › Våning 1;Fall;;Fall i badrum;Brukaren halkade i badrummet.;Undersköterska",
                "A-3;20250316;;Ekhagen > Våning 1;Klagomål;Bemötande;;Närstående framför klagomål på bemötandet vid "
                        + "kvällsmåltiden, som upplevdes stressat och otrevligt av flera på avdelningen.;Närstående") + "\r\n";
    }

    static Path write(Path file, String text, Charset charset, boolean bom) {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path utf8(Path file, String text) {
        return write(file, text, StandardCharsets.UTF_8, false);
    }

    /** Writes an .xlsx with a header row and data rows; LocalDate values become date cells, Numbers numeric cells. */
    static Path xlsx(Path file, List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Avvikelser");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            Row h = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
