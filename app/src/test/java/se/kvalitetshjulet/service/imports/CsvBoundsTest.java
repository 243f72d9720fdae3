package se.kvalitetshjulet.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader's bounds (issue 16): what is inside them is read exactly, one beyond is refused. */
class CsvBoundsTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        return Files.writeString(dir.resolve("f" + System.nanoTime() + ".csv"), text, StandardCharsets.UTF_8);
    }

    private static List<List<String>> rows(TabularReader r) {
        List<List<String>> out = new ArrayList<>();
        r.forEachRow((n, values) -> out.add(List.copyOf(values)));
        return out;
    }

    @Test
    void asManyColumnsAsAnExcelSheetAreReadAndOneMoreIsRefused() throws Exception {
        String most = "a" + ";b".repeat(CsvTabularReader.MAX_COLUMNS - 1);
        TabularReader ok = TabularReader.open(csv(most + "\n" + most + "\n"));
        assertThat(ok.headers()).hasSize(CsvTabularReader.MAX_COLUMNS);
        assertThat(rows(ok)).singleElement().satisfies(r -> assertThat(r).hasSize(CsvTabularReader.MAX_COLUMNS));

        Path tooMany = csv("x;y\n1;2\n" + most + ";c\n");
        TabularReader r = TabularReader.open(tooMany);
        assertThatThrownBy(() -> rows(r)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("rad 3 i filen har fler än 16 384 kolumner");
    }

    @Test
    void aFieldOfFourMillionCharactersIsReadAndOneMoreIsRefused() throws Exception {
        String million = "x".repeat((int) CsvTabularReader.MAX_FIELD_CHARS);
        assertThat(rows(TabularReader.open(csv("a;b\n1;" + million + "\n")))).singleElement()
                .satisfies(r -> assertThat(r.get(1)).hasSize(million.length()));
        // quoted: the quotes are not counted, a doubled quote counts as the one it stands for
        assertThat(rows(TabularReader.open(csv("a;b\n1;\"" + million.substring(2) + "\"\"\"\n")))).singleElement()
                .satisfies(r -> assertThat(r.get(1)).hasSize(million.length() - 1).endsWith("x\""));

        TabularReader r = TabularReader.open(csv("a;b\n1;2\n3;" + million + "y\n"));
        assertThatThrownBy(() -> rows(r)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("ett fält på rad 3 i filen är längre än fyra miljoner tecken");
    }

    @Test
    void delimitersAndLineBreaksInsideQuotesAreNotColumnsOrRows() throws Exception {
        String inside = ";\n".repeat(CsvTabularReader.MAX_COLUMNS + 10);
        TabularReader r = TabularReader.open(csv("a;b;c\n\"" + inside + "\";mitt \"tum\" mått;z\n4;5;6\n"));
        List<List<String>> rows = rows(r);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(inside, "mitt \"tum\" mått", "z");
        assertThat(rows.get(1)).containsExactly("4", "5", "6");
    }

    @Test
    void crLfLineEndsAndUtf16AreCountedAsRows() throws Exception {
        String most = "a" + ",b".repeat(CsvTabularReader.MAX_COLUMNS - 1);
        Path f = dir.resolve("utf16.csv");
        Files.write(f, ("\uFEFFx,y\r\n1,2\r\n" + most + ",c\r\n").getBytes(StandardCharsets.UTF_16LE));
        TabularReader r = TabularReader.open(f);
        assertThatThrownBy(() -> rows(r)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("rad 3 i filen");
    }
}
