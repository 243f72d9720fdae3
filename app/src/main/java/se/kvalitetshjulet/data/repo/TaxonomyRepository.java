package se.kvalitetshjulet.data.repo;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static se.kvalitetshjulet.data.jooq.Tables.CAUSE_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.DEADLINE_RULE;
import static se.kvalitetshjulet.data.jooq.Tables.DEVIATION_CATEGORY;
import static se.kvalitetshjulet.data.jooq.Tables.MEASURE_TYPE;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.deviation.DeadlineRules;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Taxonomy;

/** The configurable lists of the deviation register and the deadline per kind. */
public final class TaxonomyRepository {

    private final Database db;

    public TaxonomyRepository(Database db) {
        this.db = db;
    }

    public List<Taxonomy> list(TaxonomyKind kind) {
        Table<?> t = table(kind);
        Field<Long> id = idField(kind);
        Field<String> name = nameField(kind);
        Field<Boolean> active = activeField(kind);
        return db.dsl().select(id, name, active).from(t).orderBy(name)
                .fetch(r -> new Taxonomy(r.value1(), r.value2(), Boolean.TRUE.equals(r.value3())));
    }

    public long insert(DSLContext tx, TaxonomyKind kind, String name) {
        Record r = tx.insertInto(table(kind)).set(nameField(kind), name).set(activeField(kind), true)
                .returning(idField(kind)).fetchOne();
        return r.get(idField(kind));
    }

    public long insert(TaxonomyKind kind, String name) {
        return db.tx(tx -> insert(tx, kind, name));
    }

    public DeadlineRules deadlines() {
        Map<DeviationKind, Integer> m = new EnumMap<>(DeviationKind.class);
        int[] ivoDays = {DeadlineRules.DEFAULT_IVO_NOTIFICATION_DAYS};
        db.dsl().selectFrom(DEADLINE_RULE).forEach(r -> {
            if (DeadlineRules.IVO_NOTIFICATION_RULE.equals(r.getKind())) {
                ivoDays[0] = r.getDays().intValue();
                return;
            }
            try {
                m.put(DeviationKind.valueOf(r.getKind()), r.getDays().intValue());
            } catch (IllegalArgumentException ignored) {
                // A kind this version does not know: keep the default.
            }
        });
        return new DeadlineRules(m, ivoDays[0]);
    }

    /** Sets the number of days within which a serious lex Sarah / lex Maria case is notified to IVO. */
    public void saveIvoNotificationDays(DSLContext tx, int days) {
        int n = tx.update(DEADLINE_RULE).set(DEADLINE_RULE.DAYS, (long) days)
                .where(DEADLINE_RULE.KIND.eq(DeadlineRules.IVO_NOTIFICATION_RULE)).execute();
        if (n == 0) {
            tx.insertInto(DEADLINE_RULE).set(DEADLINE_RULE.KIND, DeadlineRules.IVO_NOTIFICATION_RULE)
                    .set(DEADLINE_RULE.DAYS, (long) days).execute();
        }
    }

    public void saveDeadline(DSLContext tx, DeviationKind kind, int days) {
        int n = tx.update(DEADLINE_RULE).set(DEADLINE_RULE.DAYS, (long) days).where(DEADLINE_RULE.KIND.eq(kind.name())).execute();
        if (n == 0) {
            tx.insertInto(DEADLINE_RULE).set(DEADLINE_RULE.KIND, kind.name()).set(DEADLINE_RULE.DAYS, (long) days).execute();
        }
    }

    private static Table<?> table(TaxonomyKind k) {
        return switch (k) {
            case CATEGORY -> DEVIATION_CATEGORY;
            case CAUSE -> CAUSE_CATEGORY;
            case MEASURE_TYPE -> MEASURE_TYPE;
        };
    }

    private static Field<Long> idField(TaxonomyKind k) {
        return switch (k) {
            case CATEGORY -> DEVIATION_CATEGORY.ID;
            case CAUSE -> CAUSE_CATEGORY.ID;
            case MEASURE_TYPE -> MEASURE_TYPE.ID;
        };
    }

    private static Field<String> nameField(TaxonomyKind k) {
        return switch (k) {
            case CATEGORY -> DEVIATION_CATEGORY.NAME;
            case CAUSE -> CAUSE_CATEGORY.NAME;
            case MEASURE_TYPE -> MEASURE_TYPE.NAME;
        };
    }

    private static Field<Boolean> activeField(TaxonomyKind k) {
        return switch (k) {
            case CATEGORY -> DEVIATION_CATEGORY.ACTIVE;
            case CAUSE -> CAUSE_CATEGORY.ACTIVE;
            case MEASURE_TYPE -> MEASURE_TYPE.ACTIVE;
        };
    }
}
