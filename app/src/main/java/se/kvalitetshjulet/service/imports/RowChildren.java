package se.kvalitetshjulet.service.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The causes and measure types of the imported rows that have them, by row number, held in a few arrays (decision
 * 0046) until the rows have their ids and the children are written: a million rows with a cause or two each take
 * about 20 MB here instead of a map node, a string key, a record and two lists per row. Rows are added in the file's
 * order (ascending numbers) and found by binary search.
 */
final class RowChildren {
    private long[] rows = new long[1 << 8];
    /** Per entry: where its causes start in {@link #ids}; its measure types start at {@link #split}; the next start ends them. */
    private int[] starts = new int[1 << 8];
    private int[] split = new int[1 << 8];
    private long[] ids = new long[1 << 9];
    private int size;
    private int used;

    /** Adds the lists of row {@code row}; rows come in ascending order. */
    void add(long row, List<Long> causeIds, List<Long> measureTypeIds) {
        if (causeIds.isEmpty() && measureTypeIds.isEmpty()) {
            return;
        }
        if (size > 0 && row <= rows[size - 1]) {
            throw new IllegalArgumentException("Rad " + row + " kom efter rad " + rows[size - 1]);
        }
        if (size == rows.length) {
            int n = rows.length * 2;
            rows = Arrays.copyOf(rows, n);
            starts = Arrays.copyOf(starts, n);
            split = Arrays.copyOf(split, n);
        }
        int need = causeIds.size() + measureTypeIds.size();
        if (used + need > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, used + need));
        }
        rows[size] = row;
        starts[size] = used;
        for (Long c : causeIds) {
            ids[used++] = c;
        }
        split[size] = used;
        for (Long m : measureTypeIds) {
            ids[used++] = m;
        }
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The cause category ids of row {@code row} (empty when it has none). */
    List<Long> causes(long row) {
        int e = Arrays.binarySearch(rows, 0, size, row);
        return e < 0 ? List.of() : list(starts[e], split[e]);
    }

    /** The measure type ids of row {@code row} (empty when it has none). */
    List<Long> measureTypes(long row) {
        int e = Arrays.binarySearch(rows, 0, size, row);
        return e < 0 ? List.of() : list(split[e], e + 1 < size ? starts[e + 1] : used);
    }

    /** About how many bytes the arrays hold. */
    long bytes() {
        return 8L * rows.length + 4L * starts.length + 4L * split.length + 8L * ids.length;
    }

    private List<Long> list(int from, int to) {
        List<Long> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(ids[i]);
        }
        return List.copyOf(out);
    }
}
