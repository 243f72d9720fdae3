package se.kvalitetshjulet.domain.lists;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The citation of a law valid between two dates ({@code null} = open-ended), for example SoL (2001:453) until
 * 2025-06-30 and SoL (2025:400) from 2025-07-01.
 */
public record LegalReference(Long id, String lawCode, String citation, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** The citation of {@code lawCode} valid on {@code day}; when several are, the one that began last. */
    public static Optional<LegalReference> validOn(List<LegalReference> all, String lawCode, LocalDate day) {
        if (day == null || lawCode == null) {
            return Optional.empty();
        }
        return all.stream().filter(r -> r.lawCode().equals(lawCode) && r.validOn(day))
                .max(Comparator.comparing(r -> r.validFrom() == null ? LocalDate.MIN : r.validFrom()));
    }

    /** Whether two references of the same law are valid on a common day. */
    public boolean overlaps(LegalReference o) {
        LocalDate aFrom = validFrom == null ? LocalDate.MIN : validFrom;
        LocalDate aTo = validTo == null ? LocalDate.MAX : validTo;
        LocalDate bFrom = o.validFrom == null ? LocalDate.MIN : o.validFrom;
        LocalDate bTo = o.validTo == null ? LocalDate.MAX : o.validTo;
        return lawCode.equals(o.lawCode) && !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
    }
}
