package se.kvalitetshjulet.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.deviation.DeviationExportRow;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgTree;

/**
 * Exports the filtered register to CSV (UTF-8 with BOM, semicolons: what Swedish Excel
 * opens) or XLSX (streamed, so a million rows never sit in memory). Every free-text field, the
 * title and IVO's decision included, is left out unless asked for; identity numbers are always masked,
 * names, phone numbers and addresses on request, and
 * formula-like values neutralised. Written to a temporary file and moved into place, so a
 * failed or cancelled export leaves no half file.
 */
public final class DeviationExporter {
    private final DeviationRepository repo;
    private final java.util.function.Supplier<OrgTree> organisation;

    /**
     * @param organisation the current unit tree: units are written as their path ("Ekhagen › Våning 1"), so
     *                     an export imports again even where two units share a name
     */
    public DeviationExporter(DeviationRepository repo, java.util.function.Supplier<OrgTree> organisation) {
        this.repo = repo;
        this.organisation = organisation;
    }

    public long export(DeviationFilter filter, Path target, BiConsumer<Double, String> progress) {
        return export(filter, target, false, LocalDate.now(), progress, () -> false);
    }

    public long export(DeviationFilter filter, Path target, boolean includeFreeText, LocalDate today,
                       BiConsumer<Double, String> progress, BooleanSupplier cancelled) {
        return export(filter, target, includeFreeText, false, today, progress, cancelled);
    }

    /**
     * @param includeFreeText whether the free text (title, description, immediate measures, facts, causes, IVO's
     *                        decision) goes into the file
     * @param maskNames       whether names, phone numbers and addresses are masked too (identity numbers always are)
     */
    public long export(DeviationFilter filter, Path target, boolean includeFreeText, boolean maskNames, LocalDate today,
                       BiConsumer<Double, String> progress, BooleanSupplier cancelled) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean xlsx = name.endsWith(".xlsx");
        if (!xlsx && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("Filen måste sluta på .csv eller .xlsx: " + target.getFileName());
        }
        long total = Math.max(1, repo.count(filter, today));
        OrgTree tree = organisation.get();
        List<String> headers = new ArrayList<>(List.of("Ärendereferens", "Registrerad", "Inträffad", "Rapporterad", "Typ",
                "Lagrum", "Status", "Enhet", "Kategori", "Rapporterad av (roll)", "Sista dag", "Avslutad",
                "Bedömning", "Allvarlig", "Anmäld till IVO", "IVO-diarienummer", "Anmäld av", "IVO:s beslut (datum)",
                "Extern källa", "Externt id"));
        if (includeFreeText) {
            headers.add(9, "Rubrik");
            headers.addAll(List.of("Beskrivning", "Omedelbara åtgärder", "Fakta", "Orsaker (text)", "IVO:s beslut"));
        }
        Path tmp;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = se.kvalitetshjulet.data.TempFiles.create(".export-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("Kunde inte skapa exportfilen i " + target.getParent(), e);
        }
        long[] n = {0};
        try {
            if (xlsx) {
                try (SXSSFWorkbook wb = new SXSSFWorkbook(500); OutputStream out = Files.newOutputStream(tmp)) {
                    SXSSFSheet sheet = wb.createSheet("Avvikelser");
                    CellStyle bold = wb.createCellStyle();
                    Font f = wb.createFont();
                    f.setBold(true);
                    bold.setFont(f);
                    Row h = sheet.createRow(0);
                    for (int i = 0; i < headers.size(); i++) {
                        Cell c = h.createCell(i);
                        c.setCellValue(headers.get(i));
                        c.setCellStyle(bold);
                    }
                    sheet.createFreezePane(0, 1);
                    repo.forEach(filter, today, r -> {
                        checkCancelled(cancelled);
                        Row row = sheet.createRow((int) ++n[0]);
                        List<String> v = values(r, tree, includeFreeText, maskNames);
                        for (int i = 0; i < v.size(); i++) {
                            row.createCell(i).setCellValue(v.get(i));
                        }
                        report(progress, n[0], total);
                    });
                    wb.write(out);
                    wb.dispose();
                }
            } else {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write('\uFEFF');
                    CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get());
                    csv.printRecord(headers);
                    repo.forEach(filter, today, r -> {
                        checkCancelled(cancelled);
                        try {
                            csv.printRecord(values(r, tree, includeFreeText, maskNames));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        n[0]++;
                        report(progress, n[0], total);
                    });
                    csv.flush();
                }
            }
            se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades.", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the temp file is hidden and will be overwritten next time
            }
        }
        return n[0];
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    private static void report(BiConsumer<Double, String> progress, long n, long total) {
        if (n % 1000 == 0) {
            progress.accept((double) n / total, null);
        }
    }

    private static List<String> values(DeviationExportRow r, OrgTree tree, boolean freeText, boolean maskNames) {
        java.util.function.UnaryOperator<String> text = maskNames
                ? t -> SafeCells.neutralise(se.kvalitetshjulet.domain.privacy.PrivacyCheck.maskAll(t))
                : SafeCells::safe;
        Long unitId = r.unitId();
        String unit = unitId == null ? "" : tree.path(unitId);
        if (unit.isEmpty()) {
            unit = r.unitName();
        }
        List<String> v = new ArrayList<>(List.of(
                s(r.caseRef()), d(r.registeredOn()), d(r.occurredOn()),
                d(r.reportedOn()), s(r.kind()), s(r.law()), s(r.status()),
                SafeCells.safe(unit), SafeCells.safe(r.categoryName()),
                text.apply(r.reporterRole()),
                d(r.dueOn()), d(r.closedOn()), s(r.assessment()),
                r.serious() ? "ja" : "nej", d(r.ivoReportedOn()),
                SafeCells.safe(r.ivoReference()), s(r.ivoNotifierRole()),
                d(r.ivoDecisionDate()), SafeCells.safe(r.externalSource()),
                SafeCells.safe(r.externalId())));
        if (freeText) {
            v.add(9, text.apply(r.title()));
            v.add(text.apply(r.description()));
            v.add(text.apply(r.immediateActions()));
            v.add(text.apply(r.facts()));
            v.add(text.apply(r.causeText()));
            v.add(text.apply(r.ivoDecision()));
        }
        return v;
    }

    private static String s(String v) {
        return v == null ? "" : SafeCells.neutralise(v);
    }

    private static String d(LocalDate v) {
        return v == null ? "" : v.toString();
    }
}
