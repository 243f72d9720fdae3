package se.kvalitetshjulet.domain.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer, day + 60)
 * in free text: 10 or 12 digits with a real date, with or without a separator ('-' or '+'), also written with an
 * en dash or a non-breaking hyphen, grouped with spaces ("1912 12 12-1212") or in other digit forms (see
 * {@link TextNormalizer}). A date-shaped number whose check digit is wrong is found too: a typo still identifies
 * a person ({@link Finding#checkDigitValid()} says which). Deviations are under secrecy: such numbers must not
 * end up in free text.
 */
public final class PersonalIdentityDetector {
    /** What was found and where (offsets in the original text), so the UI can point at it. */
    public record Finding(int start, int end, String text, boolean coordinationNumber, boolean checkDigitValid) {
        public Finding(int start, int end, String text, boolean coordinationNumber) {
            this(start, end, text, coordinationNumber, true);
        }
    }

    /** Century, year, month and day in pairs (a single space allowed between pairs), separator, three digits, check. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\d])(?:(\\d{2}) ?)?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([-+]?) ?(\\d{3})(\\d)(?![\\d])");

    private PersonalIdentityDetector() {
    }

    public static List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String normal = TextNormalizer.normalize(text);
        Matcher m = CANDIDATE.matcher(normal);
        while (m.find()) {
            String century = m.group(1);
            int yy = Integer.parseInt(m.group(2));
            int month = Integer.parseInt(m.group(3));
            int day = Integer.parseInt(m.group(4));
            boolean coordination = day > 60;
            int realDay = coordination ? day - 60 : day;
            if (!validDate(century, yy, month, realDay)) {
                continue;
            }
            String ten = m.group(2) + m.group(3) + m.group(4) + m.group(6) + m.group(7);
            boolean valid = luhnValid(ten);
            // A bare ten-digit run with a bad check digit is more often a phone or order number than a typo;
            // written as a personnummer (separator, or the century) it identifies a person even when mistyped.
            boolean writtenAsIdentityNumber = century != null || !m.group(5).isEmpty();
            if (valid || writtenAsIdentityNumber) {
                out.add(new Finding(m.start(), m.end(), text.substring(m.start(), m.end()), coordination, valid));
            }
        }
        return out;
    }

    public static boolean containsIdentityNumber(String text) {
        return !find(text).isEmpty();
    }

    private static boolean validDate(String century, int yy, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        int year = century == null ? 2000 + yy : Integer.parseInt(century) * 100 + yy;
        if (century != null && (year < 1850 || year > 2100)) {
            return false;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            // 29 February in a year we cannot tell without the century: accept it for 10-digit numbers.
            return century == null && month == 2 && day == 29;
        }
    }

    /** Luhn over the ten digits YYMMDDNNNC. */
    static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = tenDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
