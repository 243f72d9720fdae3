package se.kvalitetshjulet.domain.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.domain.Problem;

/**
 * Mötesbilder: a quality council's ordered deck of charts, each a title and its stored settings. The order is the
 * order of the presentation. Every change returns a new deck; titles are unique within a deck.
 */
public record ChartDeck(List<Entry> entries) {
    /** Where decks are stored (saved_filter.screen): the default deck; a council's deck adds ".council.<unit id>". */
    public static final String DEFAULT_SCREEN = "trenddeck";

    /** The storage key of a deck: the default deck ({@code councilUnitId} null) or a council's (by its unit). */
    public static String screen(Long councilUnitId) {
        return councilUnitId == null ? DEFAULT_SCREEN : DEFAULT_SCREEN + ".council." + councilUnitId;
    }

    /** The longest title a deck entry may have (saved_filter.name). */
    public static final int MAX_TITLE = 200;

    /** One chart of the deck: its title and its settings (JSON). */
    public record Entry(String title, String definition) { }

    public ChartDeck {
        entries = List.copyOf(entries);
    }

    public static ChartDeck empty() {
        return new ChartDeck(List.of());
    }

    public int size() {
        return entries.size();
    }

    public List<String> titles() {
        return entries.stream().map(Entry::title).toList();
    }

    /** The position of the entry with this title, or -1. */
    public int indexOf(String title) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).title().equals(title)) {
                return i;
            }
        }
        return -1;
    }

    /** The deck with the entry at {@code index} moved {@code delta} places (kept inside the deck). */
    public ChartDeck move(int index, int delta) {
        check(index);
        int to = Math.max(0, Math.min(entries.size() - 1, index + delta));
        List<Entry> out = new ArrayList<>(entries);
        out.add(to, out.remove(index));
        return new ChartDeck(out);
    }

    public ChartDeck remove(int index) {
        check(index);
        List<Entry> out = new ArrayList<>(entries);
        out.remove(index);
        return new ChartDeck(out);
    }

    /** The deck with the entry at {@code index} renamed; check {@link #titleProblem} first. */
    public ChartDeck rename(int index, String title) {
        check(index);
        titleProblem(index, title).ifPresent(p -> {
            throw new IllegalArgumentException(p.messageKey());
        });
        List<Entry> out = new ArrayList<>(entries);
        out.set(index, new Entry(title.strip(), entries.get(index).definition()));
        return new ChartDeck(out);
    }

    /** The deck with the chart at {@code index} replaced by other settings, keeping its title and place. */
    public ChartDeck replace(int index, String definition) {
        check(index);
        List<Entry> out = new ArrayList<>(entries);
        out.set(index, new Entry(entries.get(index).title(), definition));
        return new ChartDeck(out);
    }

    /** Adds a chart last, or replaces the settings of the chart with the same title in its place. */
    public ChartDeck put(String title, String definition) {
        int i = indexOf(title.strip());
        if (i >= 0) {
            return replace(i, definition);
        }
        List<Entry> out = new ArrayList<>(entries);
        out.add(new Entry(title.strip(), definition));
        return new ChartDeck(out);
    }

    /** What is wrong with giving the entry at {@code index} this title: blank, too long, or another entry's title. */
    public Optional<Problem> titleProblem(int index, String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            return Optional.of(new Problem("title", "trend.deck.validation.blank"));
        }
        if (t.length() > MAX_TITLE) {
            return Optional.of(new Problem("title", "trend.deck.validation.tooLong", MAX_TITLE));
        }
        int other = indexOf(t);
        if (other >= 0 && other != index) {
            return Optional.of(new Problem("title", "trend.deck.validation.taken", t));
        }
        return Optional.empty();
    }

    private void check(int index) {
        if (index < 0 || index >= entries.size()) {
            throw new IndexOutOfBoundsException("Bild " + index + " finns inte bland " + entries.size() + " mötesbilder.");
        }
    }
}
