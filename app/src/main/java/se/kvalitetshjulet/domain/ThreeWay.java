package se.kvalitetshjulet.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Three-way comparison of a record edited by two people from the same version (decision 0029), for records whose
 * fields are compared by key: a self-check's answers (by question), a council meeting's fields. The deviation has
 * its own, richer {@code DeviationMerge}; this is the same rule for the others.
 *
 * <p>A field differs when mine and theirs differ; it was changed by me when mine differs from the base, by them when
 * theirs does. A merge keeps mine where only I changed it, takes theirs where only they did, and for a field both
 * changed takes the side the person picked.
 */
public final class ThreeWay {
    private ThreeWay() {
    }

    /** One field where mine and theirs differ, and who changed it since the base. */
    public record Difference<K>(K key, boolean changedByMe, boolean changedByThem) {
        public boolean both() {
            return changedByMe && changedByThem;
        }
    }

    /** The fields where mine and theirs differ, in the order of mine, then the keys only theirs has. */
    public static <K> List<Difference<K>> differences(Map<K, ?> base, Map<K, ?> mine, Map<K, ?> theirs) {
        Set<K> keys = new LinkedHashSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        List<Difference<K>> out = new ArrayList<>();
        for (K k : keys) {
            Object m = mine.get(k);
            Object t = theirs.get(k);
            if (Objects.equals(m, t)) {
                continue;
            }
            Object b = base.get(k);
            boolean byMe = !Objects.equals(m, b);
            boolean byThem = !Objects.equals(t, b);
            if (!byMe && !byThem) {
                byMe = true; // cannot happen (m != t), kept for safety: shown as mine
            }
            out.add(new Difference<>(k, byMe, byThem));
        }
        return List.copyOf(out);
    }

    /**
     * The merged values: equal fields as they are, a field only I changed mine, only they changed theirs, both
     * changed: mine if its key is in {@code mineWins}, else theirs.
     */
    public static <K, V> Map<K, V> merge(Map<K, V> base, Map<K, V> mine, Map<K, V> theirs, Set<K> mineWins) {
        Map<K, V> out = new LinkedHashMap<>(theirs);
        for (Difference<K> d : differences(base, mine, theirs)) {
            boolean takeMine = d.both() ? mineWins.contains(d.key()) : d.changedByMe();
            if (takeMine) {
                if (mine.containsKey(d.key())) {
                    out.put(d.key(), mine.get(d.key()));
                } else {
                    out.remove(d.key());
                }
            }
        }
        for (var e : mine.entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }
}
