package se.kvalitetshjulet.service.imports;

import java.util.Arrays;

/**
 * The import's external ids, each with a mark (a row number, 0 or a negative row; see {@link DeviationImporter}),
 * held compactly (decision 0046): a million ids of ten characters take about 35 MB here, not the 110 MB of a
 * {@code HashMap<String, Long>} (a string, its byte array, a boxed long and a map node per id), so the duplicate check
 * stays exact without a million objects on the heap.
 *
 * <p>The ids' characters sit one after the other in one byte array (one byte per character when every character of
 * the id is below U+0100, as almost every system's ids are; two otherwise), found through an open-addressing table of
 * entry numbers with each entry's hash beside it. Equal ids are equal strings: nothing is hashed away, so two ids are
 * never taken for one another. Not thread-safe; the import uses it from its own thread only.
 */
final class ExternalIds {
    /** What {@link #get} returns for an id that is not there. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final byte LATIN1 = 0;
    private static final byte UTF16 = 1;

    private byte[] text = new byte[1 << 12];
    private int textUsed;
    /** Per entry: where its id starts in {@link #text} (the encoding byte first); the next entry's start ends it. */
    private int[] starts = new int[1 << 8];
    private int[] hashes = new int[1 << 8];
    private long[] marks = new long[1 << 8];
    private int size;
    /** Entry number + 1 per slot, 0 = empty; its length a power of two, at most three quarters full. */
    private int[] table = new int[1 << 9];

    /** The mark of {@code id}, or {@link #ABSENT}. */
    long get(String id) {
        int e = find(id, hash(id));
        return e < 0 ? ABSENT : marks[e];
    }

    /** Sets the mark of {@code id}, adding the id if it is not there yet. */
    void put(String id, long mark) {
        int h = hash(id);
        int e = find(id, h);
        if (e >= 0) {
            marks[e] = mark;
            return;
        }
        if ((size + 1) * 4L > table.length * 3L) {
            grow();
        }
        e = append(id, h, mark);
        insert(e, h);
    }

    int size() {
        return size;
    }

    /** About how many bytes the structure holds (its arrays), for the log and the tests. */
    long bytes() {
        return (long) text.length + 4L * starts.length + 4L * hashes.length + 8L * marks.length + 4L * table.length;
    }

    private int find(String id, int h) {
        int mask = table.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int e = table[slot] - 1;
            if (e < 0) {
                return -1;
            }
            if (hashes[e] == h && same(e, id)) {
                return e;
            }
        }
    }

    private void insert(int e, int h) {
        int mask = table.length - 1;
        int slot = h & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = e + 1;
    }

    private void grow() {
        table = new int[table.length * 2];
        for (int e = 0; e < size; e++) {
            insert(e, hashes[e]);
        }
    }

    private int append(String id, int h, long mark) {
        if (size == starts.length) {
            int n = starts.length * 2;
            starts = Arrays.copyOf(starts, n);
            hashes = Arrays.copyOf(hashes, n);
            marks = Arrays.copyOf(marks, n);
        }
        boolean latin1 = true;
        for (int i = 0; i < id.length() && latin1; i++) {
            latin1 = id.charAt(i) < 0x100;
        }
        int need = 1 + (latin1 ? id.length() : 2 * id.length());
        if (textUsed + need > text.length) {
            long n = Math.max((long) text.length * 2, (long) textUsed + need);
            if (n > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("För många externa id i importen: dela filen i mindre delar.");
            }
            text = Arrays.copyOf(text, (int) n);
        }
        int at = textUsed;
        text[at++] = latin1 ? LATIN1 : UTF16;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (latin1) {
                text[at++] = (byte) c;
            } else {
                text[at++] = (byte) (c >>> 8);
                text[at++] = (byte) c;
            }
        }
        int e = size++;
        starts[e] = textUsed;
        hashes[e] = h;
        marks[e] = mark;
        textUsed = at;
        return e;
    }

    private boolean same(int e, String id) {
        int from = starts[e];
        int to = e + 1 < size ? starts[e + 1] : textUsed;
        boolean latin1 = text[from] == LATIN1;
        int chars = latin1 ? to - from - 1 : (to - from - 1) / 2;
        if (chars != id.length()) {
            return false;
        }
        int at = from + 1;
        for (int i = 0; i < chars; i++) {
            char c = latin1 ? (char) (text[at++] & 0xff) : (char) (((text[at++] & 0xff) << 8) | (text[at++] & 0xff));
            if (c != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The string's own hash, spread so that ids differing only in their last characters land apart. */
    private static int hash(String id) {
        int h = id.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
