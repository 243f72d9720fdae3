package se.kvalitetshjulet.cli.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and spread of repeated measurements. */
record Stats(double median, double min, double max, int n) {
    static Stats of(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        int n = v.size();
        double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
        return new Stats(median, v.getFirst(), v.getLast(), n);
    }

    String ms() {
        String f = median < 0.001 ? "%.3f" : "%.1f"; // below a millisecond the first decimal says too little
        return (f + " ms (" + f + "–" + f + ")").formatted(median * 1000, min * 1000, max * 1000);
    }
}
