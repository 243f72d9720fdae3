package se.kvalitetshjulet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.Passphrase;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * "A stolen laptop's disk shows no word of any case" (issue 19): an encrypted database, then a session of the real
 * program in child JVMs with its real log configuration — a case registered by import, exported to CSV and XLSX
 * (without free text, as by default), a backup — and every file the program wrote is read byte for byte: the
 * database, its -wal and -shm while it is open, the backups, the log, the program's temporary folders (its own and the
 * JVM's) and the export folder. None holds the case's words or the personal number, in UTF-8 or UTF-16.
 */
class StolenLaptopTest {
    static final String PNR = "19121212-1212";
    /** The case: a name, a personal number in three spellings, and words of its free text. */
    static final List<String> CASE_WORDS = List.of("Svensson", "badrummet", "golvbrunnen", PNR, "121212-1212",
            "1212121212");

    @TempDir
    Path dir;

    private int program(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                // the program's own log configuration: Main sets it up (LogConfiguration, decision 0039)
                "-Dkvalitetshjulet.home=" + dir.resolve("home"),
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("jvm-tmp")),
                "se.kvalitetshjulet.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("input").resolve("out.txt").toFile()));
        pb.environment().put("XDG_DATA_HOME", dir.resolve("home").toString());
        pb.environment().remove("KVALITETSHJULET_PASSPHRASE");
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    @Test
    void afterARegisterExportBackupSessionNoFileOnTheDiskHoldsAWordOfTheCase() throws Exception {
        assertThat(Database.encryptionAvailable()).as("this build can encrypt").isTrue();
        Path input = Files.createDirectories(dir.resolve("input")); // the user's own files: not scanned
        Path data = Files.createDirectories(dir.resolve("data"));
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path db = data.resolve("kvalitetshjulet.db");
        Path pass = input.resolve("lösenfras.txt");
        Files.writeString(pass, "en mening som lösenfras till registret\n");
        try (AppContext ctx = new AppContext(Database.open(db, Passphrase.of("en mening som lösenfras till registret")),
                java.time.Clock.systemDefaultZone())) {
            Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                    null, null, null));
        }
        Path csv = input.resolve("avvikelser.csv");
        Files.writeString(csv, "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Beskrivning;Rapportör\n"
                + "1;2025-01-10;Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Sven Svensson " + PNR
                + " föll i badrummet;Vatten vid golvbrunnen, ingen halkmatta;undersköterska\n", StandardCharsets.UTF_8);
        assertThat(scan(List.of(input))).as("the scan finds the words where they are (the input file)")
                .contains("Svensson in avvikelser.csv", "badrummet in avvikelser.csv", "golvbrunnen in avvikelser.csv",
                        PNR + " in avvikelser.csv");

        String pf = pass.toString();
        assertThat(program("import", "deviations", csv.toString(), "--db", db.toString(), "--passphrase-file", pf))
                .as(Files.readString(input.resolve("out.txt"))).isZero();
        assertThat(program("export", "deviations", "--out", exports.resolve("avvikelser.csv").toString(), "--db",
                db.toString(), "--passphrase-file", pf)).isZero();
        assertThat(program("export", "deviations", "--out", exports.resolve("avvikelser.xlsx").toString(), "--db",
                db.toString(), "--passphrase-file", pf)).isZero();
        assertThat(program("backup", "create", "--db", db.toString(), "--passphrase-file", pf)).isZero();
        assertThat(program("check", "--db", db.toString())).as("no passphrase: refused").isEqualTo(ExitCodes.REJECTED);

        List<Path> roots = List.of(data, dir.resolve("home"), dir.resolve("jvm-tmp"), exports);
        try (AppContext open = new AppContext(Database.open(db, Passphrase.of("en mening som lösenfras till registret")),
                java.time.Clock.systemDefaultZone())) {
            // the case is there, for whoever has the passphrase
            assertThat(open.deviations().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all()
                    .withText("badrummet"), java.time.LocalDate.now())).isEqualTo(1);
            open.units().save(new Unit(null, null, "Hemtjänst Söder", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                    null, null, null));
            // while the database is open its -wal and -shm are on the disk too
            assertThat(data.resolve("kvalitetshjulet.db-wal")).exists();
            List<Path> scanned = files(roots);
            assertThat(scanned).as("what was scanned").anyMatch(p -> p.getFileName().toString().equals("kvalitetshjulet.db"))
                    .anyMatch(p -> p.getFileName().toString().endsWith(".db-wal"))
                    .anyMatch(p -> p.getFileName().toString().contains(".backup-"))
                    .anyMatch(p -> p.toString().contains("logs") && p.getFileName().toString().endsWith(".log"))
                    .anyMatch(p -> p.getFileName().toString().equals("avvikelser.xlsx"));
            assertThat(scan(roots)).as("case words readable somewhere on the disk").isEmpty();
        }
        assertThat(scan(roots)).as("case words readable after the program closed").isEmpty();
        // the export says what it holds: the case is in it, without its words
        assertThat(Files.readString(exports.resolve("avvikelser.csv"), StandardCharsets.UTF_8)).contains("Hemtjänst Norr");
    }

    private static List<Path> files(List<Path> roots) throws Exception {
        List<Path> all = new ArrayList<>();
        for (Path root : roots) {
            if (Files.exists(root)) {
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(Files::isRegularFile).forEach(all::add);
                }
            }
        }
        return all;
    }

    /** The case words readable in any file under {@code roots} (UTF-8 or UTF-16, and inside the XLSX's zip). */
    private static List<String> scan(List<Path> roots) throws Exception {
        List<String> found = new ArrayList<>();
        for (Path f : files(roots)) {
            byte[] bytes = Files.readAllBytes(f);
            List<String> texts = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8),
                    new String(bytes, StandardCharsets.UTF_16LE), new String(bytes, StandardCharsets.UTF_16BE)));
            if (f.getFileName().toString().endsWith(".xlsx")) {
                try (var zip = new java.util.zip.ZipFile(f.toFile())) { // the central directory (POI streams entries)
                    for (var e : java.util.Collections.list(zip.entries())) {
                        try (var in = zip.getInputStream(e)) {
                            texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            for (String word : CASE_WORDS) {
                if (texts.stream().anyMatch(t -> t.contains(word))) {
                    found.add(word + " in " + f.getFileName());
                }
            }
        }
        return found;
    }
}
