package se.kvalitetshjulet.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The annual cycle's dates and statuses, and its iCalendar output read back by a small RFC 5545 parser. */
class AnnualCycleTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void occurrencesAreDatedSortedAndMarkedDoneOverdueOrDueSoon() {
        var a = new AnnualActivity(1L, "Patientsäkerhetsberättelse klar", null, 3, 1, true, null, true);
        var b = new AnnualActivity(2L, "Uppföljning internkontroll (höst)", null, 12, 15, true, null, true);
        var c = new AnnualActivity(3L, "Kvalitetsrapport tertial 2", null, 9, 30, true, null, true);
        var once = new AnnualActivity(4L, "Extern granskning", null, 6, 31, false, 2025, true);
        var off = new AnnualActivity(5L, "Avstängd", null, 5, 1, true, null, false);
        Map<AnnualCycle.Key, LocalDate> done = new HashMap<>();
        done.put(new AnnualCycle.Key(1L, 2026), LocalDate.of(2026, 2, 27));
        List<Occurrence> occ = AnnualCycle.occurrences(List.of(b, c, a, once, off), 2026, done, TODAY);
        assertThat(occ).extracting(o -> o.activity().id()).containsExactly(1L, 3L, 2L);
        assertThat(occ).extracting(Occurrence::status).containsExactly(Occurrence.CycleStatus.DONE,
                Occurrence.CycleStatus.OVERDUE, Occurrence.CycleStatus.DUE_SOON);
        assertThat(once.dueIn(2025)).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(new AnnualActivity(6L, "x", null, 2, 30, true, null, true).dueIn(2028))
                .isEqualTo(LocalDate.of(2028, 2, 29));
    }

    /** Unfolds and splits an iCalendar text into content lines, checking the physical line rules on the way. */
    private static List<String> parse(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        return List.of(ics.replace("\r\n ", "").split("\r\n"));
    }

    private static List<Map<String, String>> events(List<String> lines) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<String, String> cur = null;
        for (String l : lines) {
            if (l.equals("BEGIN:VEVENT")) {
                cur = new HashMap<>();
            } else if (l.equals("END:VEVENT")) {
                out.add(cur);
                cur = null;
            } else if (cur != null) {
                int colon = l.indexOf(':');
                cur.put(l.substring(0, colon), l.substring(colon + 1));
            }
        }
        return out;
    }

    @Test
    void theIcsFileIsAValidCalendarWithOneAllDayYearlyEventPerActivity() {
        String longText = "Rapport till nämnden efter tertial 1: klagomål, lex Sarah, avvikelser enligt HSL/SoL/LSS, "
                + "lex Maria; externa granskningar – med analys av trender. Rad två\nefter radbrytning.";
        var events = List.of(
                new ICalendar.Event("arshjul-1@kvalitetshjulet", LocalDate.of(2026, 3, 1), "Patientsäkerhetsberättelse klar",
                        null, true),
                new ICalendar.Event("arshjul-2@kvalitetshjulet", LocalDate.of(2026, 5, 31), "Kvalitetsrapport tertial 1, åäö",
                        longText, true),
                new ICalendar.Event("arshjul-3@kvalitetshjulet", LocalDate.of(2026, 6, 30), "Engångsgranskning", "", false));
        String ics = ICalendar.write("Årshjul – kvalitetsarbete", events, LocalDateTime.of(2026, 11, 23, 9, 0));
        List<String> lines = parse(ics);
        assertThat(lines.getFirst()).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.getLast()).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0").anyMatch(l -> l.startsWith("PRODID:"));
        List<Map<String, String>> parsed = events(lines);
        assertThat(parsed).hasSize(3);
        for (Map<String, String> e : parsed) {
            assertThat(e).containsKeys("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY");
            assertThat(e.get("DTSTAMP")).isEqualTo("20261123T090000Z");
        }
        assertThat(parsed.get(0)).containsEntry("DTSTART;VALUE=DATE", "20260301").containsEntry("DTEND;VALUE=DATE", "20260302")
                .containsEntry("RRULE", "FREQ=YEARLY").containsEntry("UID", "arshjul-1@kvalitetshjulet");
        assertThat(parsed.get(2)).doesNotContainKey("RRULE").doesNotContainKey("DESCRIPTION");
        // Escaped text reads back to the original once unescaped; folding never split a multi-byte letter.
        assertThat(parsed.get(1).get("SUMMARY")).isEqualTo("Kvalitetsrapport tertial 1\\, åäö");
        String description = parsed.get(1).get("DESCRIPTION");
        assertThat(description).contains("\\n").contains("\\;").contains("\\,");
        assertThat(description.replace("\\n", "\n").replace("\\;", ";").replace("\\,", ",").replace("\\\\", "\\"))
                .isEqualTo(longText);
        assertThat(ics).contains("\r\n ");
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        StringBuilder sb = new StringBuilder();
        ICalendar.line(sb, "SUMMARY:" + "ö".repeat(100));
        for (String physical : sb.toString().split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(sb.toString().replace("\r\n ", "").strip()).isEqualTo("SUMMARY:" + "ö".repeat(100));
    }
}
