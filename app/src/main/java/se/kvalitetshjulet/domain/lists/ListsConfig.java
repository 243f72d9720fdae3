package se.kvalitetshjulet.domain.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole configuration of "Listor och regler" in one value: what {@code lists export} writes and
 * {@code lists import} reads. Entries are kept in a canonical order (coded lists by position, the others by name)
 * so that the same configuration always gives the same file.
 */
public record ListsConfig(Map<ListKind, List<ListEntry>> lists, List<DeadlineRule> deadlines, List<LawEntry> laws,
                          List<LegalReference> references) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,40}");
    public static final int MAX_DEADLINE_DAYS = 366;

    public ListsConfig {
        Map<ListKind, List<ListEntry>> m = new EnumMap<>(ListKind.class);
        for (ListKind k : ListKind.values()) {
            List<ListEntry> l = new ArrayList<>(lists.getOrDefault(k, List.of()));
            if (!k.coded()) {
                l.sort(Comparator.comparing(e -> e.name() == null ? "" : e.name().strip().toLowerCase(Locale.ROOT)));
            } else {
                l.sort(Comparator.comparingInt(ListEntry::sortOrder));
            }
            m.put(k, List.copyOf(l));
        }
        lists = m;
        deadlines = deadlines.stream().sorted(Comparator.comparing(d -> d.kind() == null ? "" : d.kind())).toList();
        laws = laws.stream().sorted(Comparator.comparingInt(LawEntry::sortOrder)).toList();
        references = references.stream()
                .sorted(Comparator.comparing((LegalReference r) -> r.lawCode() == null ? "" : r.lawCode())
                        .thenComparing(r -> r.validFrom() == null ? java.time.LocalDate.MIN : r.validFrom())
                        .thenComparing(LegalReference::citation))
                .toList();
    }

    public List<ListEntry> list(ListKind kind) {
        return lists.get(kind);
    }

    /**
     * Everything wrong with this configuration, in Swedish, each saying what to change; empty when it may be
     * saved.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        for (ListKind k : ListKind.values()) {
            Set<String> names = new HashSet<>();
            Set<String> codes = new HashSet<>();
            int i = 0;
            for (ListEntry e : lists.get(k)) {
                i++;
                String where = "\"" + k.fileKey() + "\" post " + i;
                if (e.name() == null || e.name().isBlank()) {
                    p.add(where + ": namnet saknas. Skriv ett namn eller ta bort posten.");
                } else if (e.name().strip().length() > 200) {
                    p.add(where + ": namnet är längre än 200 tecken. Korta det.");
                } else if (!names.add(e.name().strip().toLowerCase(Locale.ROOT))) {
                    p.add(where + ": namnet \"" + e.name().strip() + "\" finns redan i listan. Varje namn får finnas en gång.");
                }
                if (k.coded()) {
                    if (e.code() == null || !CODE.matcher(e.code()).matches()) {
                        p.add(where + ": koden \"" + (e.code() == null ? "" : e.code())
                                + "\" ska bestå av A–Z, 0–9 och _ (högst 40 tecken).");
                    } else if (!codes.add(e.code())) {
                        p.add(where + ": koden " + e.code() + " finns redan i listan. Varje kod får finnas en gång.");
                    }
                }
            }
            if (lists.get(k).stream().noneMatch(ListEntry::active) && !lists.get(k).isEmpty()) {
                p.add("\"" + k.fileKey() + "\": minst en post måste vara aktiv.");
            }
        }
        Set<String> kinds = new HashSet<>();
        for (DeadlineRule d : deadlines) {
            if (d.kind() == null || !CODE.matcher(d.kind()).matches()) {
                p.add("\"fristregler\": typen \"" + d.kind() + "\" ska bestå av A–Z, 0–9 och _.");
            } else if (!kinds.add(d.kind())) {
                p.add("\"fristregler\": typen " + d.kind() + " finns två gånger. Ange en frist per typ.");
            }
            if (d.days() < 1 || d.days() > MAX_DEADLINE_DAYS) {
                p.add("\"fristregler\" " + d.kind() + ": " + d.days() + " dagar ligger utanför 1–" + MAX_DEADLINE_DAYS
                        + ". Ange fristen i dagar.");
            }
        }
        Set<String> lawCodes = new HashSet<>();
        for (LawEntry l : laws) {
            if (l.code() == null || !CODE.matcher(l.code()).matches() || l.code().length() > 10) {
                p.add("\"lagar\": koden \"" + l.code() + "\" ska bestå av A–Z (högst 10 tecken).");
            } else if (!lawCodes.add(l.code())) {
                p.add("\"lagar\": lagen " + l.code() + " finns två gånger.");
            }
            if (l.name() == null || l.name().isBlank()) {
                p.add("\"lagar\" " + l.code() + ": namnet saknas.");
            }
        }
        for (int i = 0; i < references.size(); i++) {
            LegalReference r = references.get(i);
            String where = "\"lagar\" " + r.lawCode() + " lagrum \"" + r.citation() + "\"";
            if (r.citation() == null || r.citation().isBlank()) {
                p.add("\"lagar\" " + r.lawCode() + ": ett lagrum saknar beteckning (till exempel SoL (2025:400)).");
            }
            if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
                p.add(where + ": giltig till " + r.validTo() + " ligger före giltig från " + r.validFrom() + ".");
            }
            for (int j = i + 1; j < references.size(); j++) {
                LegalReference o = references.get(j);
                if (r.overlaps(o)) {
                    p.add(where + " och \"" + o.citation() + "\" gäller samma dagar. Låt det ena sluta dagen innan det andra börjar.");
                }
            }
        }
        return p;
    }
}
