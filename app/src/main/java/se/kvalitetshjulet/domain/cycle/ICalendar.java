package se.kvalitetshjulet.domain.cycle;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the annual cycle as an iCalendar file (RFC 5545) that calendar programs import: one all-day VEVENT per
 * activity (DTSTART;VALUE=DATE, DTEND the day after), RRULE:FREQ=YEARLY for recurring ones, text escaped,
 * CRLF line endings and lines folded at 75 octets without splitting a UTF-8 character.
 */
public final class ICalendar {
    static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private ICalendar() {
    }

    /** One event: a stable uid, the first date, and whether it repeats every year. */
    public record Event(String uid, LocalDate start, String summary, String description, boolean yearly) { }

    /**
     * @param stampUtc the time the file is written (UTC), for DTSTAMP
     */
    public static String write(String calendarName, List<Event> events, LocalDateTime stampUtc) {
        StringBuilder sb = new StringBuilder();
        line(sb, "BEGIN:VCALENDAR");
        line(sb, "VERSION:2.0");
        line(sb, "PRODID:-//Kvalitetshjulet//Arshjul//SV");
        line(sb, "CALSCALE:GREGORIAN");
        line(sb, "METHOD:PUBLISH");
        line(sb, "X-WR-CALNAME:" + escape(calendarName));
        for (Event e : events) {
            line(sb, "BEGIN:VEVENT");
            line(sb, "UID:" + e.uid());
            line(sb, "DTSTAMP:" + STAMP.format(stampUtc));
            line(sb, "DTSTART;VALUE=DATE:" + DATE.format(e.start()));
            line(sb, "DTEND;VALUE=DATE:" + DATE.format(e.start().plusDays(1)));
            if (e.yearly()) {
                line(sb, "RRULE:FREQ=YEARLY");
            }
            line(sb, "SUMMARY:" + escape(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(sb, "DESCRIPTION:" + escape(e.description()));
            }
            line(sb, "TRANSP:TRANSPARENT");
            line(sb, "END:VEVENT");
        }
        line(sb, "END:VCALENDAR");
        return sb.toString();
    }

    /** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets (RFC 5545 §3.1). */
    static void line(StringBuilder sb, String content) {
        int octets = 0;
        int limit = 75;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                sb.append(CRLF).append(' ');
                octets = 1;
            }
            sb.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        sb.append(CRLF);
    }
}
