package se.kvalitetshjulet.ui.deviation;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationMerge;
import se.kvalitetshjulet.domain.deviation.IvoDetails;
import se.kvalitetshjulet.domain.deviation.Taxonomy;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.DeviationService;
import se.kvalitetshjulet.ui.common.ConflictQuestion;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * A save refused because someone else saved in between (decision 0025): the question the conflict dialog asks (who,
 * when, the differing fields mine beside theirs, in words: units and categories by name) and the record each answer
 * saves. Built in the work (it reads names), answered on the FX thread.
 *
 * @param base the record as this person read it; mine as in the form; theirs as saved by the other
 */
record DeviationConflict(DeviationService.Conflict conflict, Deviation base, Deviation mine,
                         List<DeviationMerge.Difference> differences, ConflictQuestion question) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static DeviationConflict of(DeviationContext ctx, I18n i18n, DeviationService.Conflict c, Deviation base,
                                Deviation mine) {
        Deviation theirs = c.theirs();
        List<DeviationMerge.Difference> diffs = DeviationMerge.differences(base, mine, theirs);
        Names names = new Names(ctx);
        List<ConflictQuestion.Row> rows = new ArrayList<>();
        for (DeviationMerge.Difference d : diffs) {
            ConflictQuestion.Changed changed = d.both() ? ConflictQuestion.Changed.BOTH
                    : d.changedByMe() ? ConflictQuestion.Changed.MINE : ConflictQuestion.Changed.THEIRS;
            rows.add(new ConflictQuestion.Row(i18n.get("deviation.conflict.field." + d.field().name()),
                    names.text(i18n, d.field(), d.field().rawIn(mine)), names.text(i18n, d.field(), d.field().rawIn(theirs)),
                    changed, i18n.get("deviation.conflict.changedBy." + changed.name())));
        }
        String who = c.changedBy() == null ? i18n.get("deviation.conflict.someone") : c.changedBy();
        String when = c.changedAt() == null ? "" : c.changedAt().format(WHEN);
        String ref = theirs.caseRef() == null ? "" : theirs.caseRef();
        ConflictQuestion q = new ConflictQuestion(i18n.get("deviation.conflict.title", ref),
                i18n.get("deviation.conflict.message", who, when, ref) + "\n\n" + i18n.get("deviation.conflict.keepMineHint")
                        + "\n" + i18n.get("deviation.conflict.mergeHint"), rows,
                new ConflictQuestion.Labels(i18n.get("deviation.conflict.mine"), i18n.get("deviation.conflict.theirs", who),
                        i18n.get("deviation.conflict.column.field"), i18n.get("deviation.conflict.column.changed"),
                        i18n.get("deviation.conflict.keepMine"), i18n.get("deviation.conflict.takeTheirs"),
                        i18n.get("deviation.conflict.merge"), i18n.get("common.cancel"),
                        i18n.get("deviation.conflict.bothHint"), i18n.get("deviation.conflict.pickMine"),
                        i18n.get("deviation.conflict.pickTheirs")));
        return new DeviationConflict(c, base, mine, diffs, q);
    }

    /** What "Behåll mina ändringar" saves: the form's values in every field, on their version. */
    Deviation keepMine() {
        return DeviationMerge.keepMine(mine, conflict.theirs());
    }

    /** What "Slå ihop" saves with the rows of {@code answer} that both changed, picked mine (the others theirs). */
    Deviation merged(ConflictQuestion.Answer answer) {
        Map<DeviationMerge.Field, DeviationMerge.Side> picks = new EnumMap<>(DeviationMerge.Field.class);
        for (int i = 0; i < differences.size(); i++) {
            if (differences.get(i).both()) {
                picks.put(differences.get(i).field(), answer.mineRows().contains(i) ? DeviationMerge.Side.MINE
                        : DeviationMerge.Side.THEIRS);
            }
        }
        return DeviationMerge.merge(base, mine, conflict.theirs(), picks);
    }

    /** Values in words: units, categories and causes by name, coded values in the UI language. */
    private static final class Names {
        private final OrgTree tree;
        private final Map<Long, String> taxonomy = new HashMap<>();

        Names(DeviationContext ctx) {
            tree = ctx.organisationService().tree();
            for (TaxonomyKind k : List.of(TaxonomyKind.CATEGORY, TaxonomyKind.CAUSE)) {
                for (Taxonomy t : ctx.taxonomyService().list(k)) {
                    taxonomy.put(t.id(), t.name());
                }
            }
        }

        String text(I18n i18n, DeviationMerge.Field f, Object v) {
            if (v == null || v instanceof String s && s.isBlank()) {
                return i18n.get("deviation.conflict.empty");
            }
            return switch (f) {
                case UNIT -> tree.find((Long) v).map(Unit::name).orElse(String.valueOf(v));
                case CATEGORY -> taxonomy.getOrDefault((Long) v, String.valueOf(v));
                case CAUSES -> ((Collection<?>) v).isEmpty() ? i18n.get("deviation.conflict.empty")
                        : String.join(", ", ((Collection<?>) v).stream().map(x -> taxonomy.getOrDefault((Long) x,
                        String.valueOf(x))).sorted().toList());
                case SERIOUS -> i18n.get((Boolean) v ? "deviation.conflict.yes" : "deviation.conflict.no");
                case IVO_DETAILS -> ivo(i18n, (IvoDetails) v);
                default -> v instanceof Enum<?> e ? i18n.of(e) : String.valueOf(v);
            };
        }

        private static String ivo(I18n i18n, IvoDetails d) {
            List<String> parts = new ArrayList<>();
            if (d.notifierRole() != null) {
                parts.add(d.notifierRole().name());
            }
            for (String s : List.of(d.notifiedBy(), d.decision())) {
                if (!s.isBlank()) {
                    parts.add(s);
                }
            }
            if (d.decisionDate() != null) {
                parts.add(d.decisionDate().toString());
            }
            return parts.isEmpty() ? i18n.get("deviation.conflict.empty") : String.join(", ", parts);
        }
    }
}
