package se.kvalitetshjulet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * A streamed XLSX export writes its scratch sheet (the rows as XML, gigabytes at a million) into the process's private
 * temporary folder, not into the shared system temp folder where POI's own strategy puts it when its folder does not
 * exist yet (decision 0046), and the export still holds every row.
 */
class PoiScratchTest {
    @TempDir
    Path dir;

    private static List<Path> scratchFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet")).toList();
        }
    }

    @Test
    void theStreamedSheetIsWrittenInThePrivateFolderAndHoldsEveryRow() throws Exception {
        TempFile.setTempFileCreationStrategy(new PoiScratch()); // as AppPaths.preparePrivateFolders does at start
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneId.of("Europe/Stockholm"));
        Path privateFolder = se.kvalitetshjulet.data.TempFiles.processDir().resolve(PoiScratch.FOLDER);
        try (AppContext ctx = new AppContext(Database.open(dir.resolve("r.db")), clock)) {
            Unit top = ctx.units().save(new Unit(null, null, "Omsorgsförvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, LocalDate.of(2015, 1, 1), null));
            ctx.units().save(new Unit(null, top.id(), "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                    null, LocalDate.of(2015, 1, 1), null));
            ctx.demoData().addBulkDeviations(3, 2_500, ctx.today(), p -> { });
            List<List<Path>> seen = new ArrayList<>();
            List<String> permissions = new ArrayList<>();
            Path out = dir.resolve("register.xlsx");

            long n = ctx.deviationExporter().export(DeviationFilter.all(), out, false, ctx.today(), (p, m) -> {
                try {
                    List<Path> files = scratchFiles(privateFolder);
                    seen.add(files);
                    for (Path f : files) {
                        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
                            permissions.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, () -> false);

            assertThat(n).isEqualTo(2_500);
            // while the rows streamed out, POI's scratch sheet was in the private folder, readable by the user only
            assertThat(seen).isNotEmpty().allSatisfy(files -> assertThat(files).hasSize(1));
            assertThat(permissions).allMatch("rw-------"::equals);
            if (Files.getFileStore(privateFolder).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFolder)))
                        .isEqualTo("rwx------");
            }
            assertThat(scratchFiles(privateFolder)).as("removed after the export").isEmpty();
            try (InputStream in = Files.newInputStream(out); Workbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2_500);
            }
        }
    }
}
