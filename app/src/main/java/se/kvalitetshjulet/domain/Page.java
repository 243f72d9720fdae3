package se.kvalitetshjulet.domain;

import java.util.List;

/** One page of a larger result, with the total number of matches. */
public record Page<T>(List<T> rows, int pageIndex, int pageSize, long total) {
    public int pageCount() {
        return total == 0 ? 1 : (int) ((total + pageSize - 1) / pageSize);
    }
}
