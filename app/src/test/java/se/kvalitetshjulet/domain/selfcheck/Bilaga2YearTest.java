package se.kvalitetshjulet.domain.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The board's order of Bilaga 2 rows and the coordinator's moves within a verksamhetsområde. */
class Bilaga2YearTest {
    private static Bilaga2Year.Line line(long id, String area, String check, String unit, Integer pos) {
        return new Bilaga2Year.Line(1, java.time.LocalDate.of(2022, 3, 1), id, area, check, unit, "Inga anmärkningar.", "", "", pos);
    }

    @Test
    void areasComeInTheOrganisationsOrderThenPositionsThenCheckAndUnit() {
        List<Bilaga2Year.Line> lines = new ArrayList<>(List.of(
                line(1, "Särskilt boende", "A", "Solgården", null),
                line(2, "Hemtjänst", "B", "Norr", null),
                line(3, "Hemtjänst", "A", "Söder", null),
                line(4, "Hemtjänst", "C", "Väster", 1),
                line(5, "Okänt", "A", "X", 1)));
        lines.sort(Bilaga2Year.boardOrder(List.of("Hemtjänst", "Särskilt boende")));
        assertThat(lines).extracting(Bilaga2Year.Line::responseId).containsExactly(4L, 3L, 2L, 1L, 5L);
    }

    @Test
    void aMoveStaysInsideItsAreaAndInsideTheList() {
        List<Bilaga2Year.Line> lines = List.of(line(1, "H", "A", "a", null), line(2, "H", "B", "b", null),
                line(3, "S", "A", "c", null));
        assertThat(Bilaga2Year.move(lines, 1, -1)).extracting(Bilaga2Year.Line::responseId).containsExactly(2L, 1L, 3L);
        assertThat(Bilaga2Year.move(lines, 1, 1)).isSameAs(lines);
        assertThat(Bilaga2Year.move(lines, 0, -1)).isSameAs(lines);
        assertThat(Bilaga2Year.move(lines, 2, 1)).isSameAs(lines);
    }
}
