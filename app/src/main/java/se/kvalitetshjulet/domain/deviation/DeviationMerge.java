package se.kvalitetshjulet.domain.deviation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Three-way merge of a deviation that two people edited (decision 0025): the version both started from (base), mine
 * (the form) and theirs (saved in between). Only the fields a person edits in the editor take part; status, deadline,
 * closing date, case reference and import origin always come from their saved record (a status changes only through
 * a workflow step).
 */
public final class DeviationMerge {
    private DeviationMerge() {
    }

    /** The fields of the editor that can differ, each by its record component. */
    public enum Field {
        TITLE("title"), DESCRIPTION("description"), IMMEDIATE_ACTIONS("immediateActions"), FACTS("facts"),
        CAUSE_TEXT("causeText"), CAUSES("causeIds"), REPORTER_ROLE("reporterRole"), KIND("kind"), LAW("law"),
        UNIT("unitId"), CATEGORY("categoryId"), OCCURRED_ON("occurredOn"), REPORTED_ON("reportedOn"),
        REGISTERED_ON("registeredOn"), ASSESSMENT("assessment"), SERIOUS("serious"),
        IVO_REPORTED_ON("ivoReportedOn"), IVO_REFERENCE("ivoReference"), IVO_DETAILS("ivoDetails");

        private final String component;

        Field(String component) {
            this.component = component;
        }

        /** The field's value in {@code d}; causes as a set (their order means nothing), empty text as null. */
        public Object valueIn(Deviation d) {
            Object v = get(d, component);
            if (v instanceof List<?> l) {
                return new HashSet<>(l);
            }
            if (v instanceof String s && s.isEmpty()) {
                return null;
            }
            return v;
        }

        /** The value as stored in the record (causes as their list), for showing it. */
        public Object rawIn(Deviation d) {
            return get(d, component);
        }
    }

    /** Who should win a field that both changed. */
    public enum Side { MINE, THEIRS }

    /** A field where mine and theirs differ, and who changed it since the base. */
    public record Difference(Field field, boolean changedByMe, boolean changedByThem) {
        /** Both changed it (differently): the person must choose. */
        public boolean both() {
            return changedByMe && changedByThem;
        }
    }

    /** The fields where {@code mine} and {@code theirs} differ, in the editor's order. */
    public static List<Difference> differences(Deviation base, Deviation mine, Deviation theirs) {
        List<Difference> out = new ArrayList<>();
        for (Field f : Field.values()) {
            Object m = f.valueIn(mine);
            Object t = f.valueIn(theirs);
            if (!Objects.equals(m, t)) {
                Object b = base == null ? null : f.valueIn(base);
                boolean byMe = base == null || !Objects.equals(b, m);
                boolean byThem = base == null || !Objects.equals(b, t);
                out.add(new Difference(f, byMe, byThem));
            }
        }
        return List.copyOf(out);
    }

    /** Mine in every field, on their saved record ("Behåll mina ändringar"). */
    public static Deviation keepMine(Deviation mine, Deviation theirs) {
        return onTheirs(theirs, mine, List.of(Field.values()));
    }

    /**
     * Field by field ("Slå ihop"): a field only I changed keeps mine, one only they changed takes theirs, one both
     * changed takes the side in {@code picks}.
     *
     * @throws IllegalArgumentException when a field both changed has no pick
     */
    public static Deviation merge(Deviation base, Deviation mine, Deviation theirs, Map<Field, Side> picks) {
        List<Field> mineWins = new ArrayList<>();
        for (Difference d : differences(base, mine, theirs)) {
            Side side = d.both() ? picks.get(d.field()) : d.changedByMe() ? Side.MINE : Side.THEIRS;
            if (side == null) {
                throw new IllegalArgumentException("Välj vems värde som ska gälla för " + d.field());
            }
            if (side == Side.MINE) {
                mineWins.add(d.field());
            }
        }
        return onTheirs(theirs, mine, mineWins);
    }

    private static Deviation onTheirs(Deviation theirs, Deviation mine, List<Field> fromMine) {
        RecordComponent[] components = Deviation.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            boolean mineWins = fromMine.stream().anyMatch(f -> f.component.equals(name));
            values[i] = get(mineWins ? mine : theirs, name);
            types[i] = components[i].getType();
        }
        // A changed kind has another deadline: let the service compute it again, as for a kind changed in the form.
        if (fromMine.contains(Field.KIND) && mine.kind() != theirs.kind()) {
            values[indexOf(components, "dueOn")] = null;
        }
        try {
            return Deviation.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Object get(Deviation d, String component) {
        try {
            for (RecordComponent c : Deviation.class.getRecordComponents()) {
                if (c.getName().equals(component)) {
                    return c.getAccessor().invoke(d);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException(component);
    }
}
