package se.kvalitetshjulet.ui.council;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import se.kvalitetshjulet.domain.ThreeWay;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.ui.common.ConflictQuestion;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * A meeting save refused because someone else saved the meeting in between (decision 0029): the question the
 * conflict dialog asks, field by field (title, date, held, patterns, notes, participants, council type), and the
 * meeting each answer saves. The three-way rule is {@link ThreeWay}'s, with the meeting as this person read it.
 */
final class MeetingConflict {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final List<String> FIELDS = List.of("title", "heldOn", "held", "patterns", "notes", "participants",
            "councilType");

    private MeetingConflict() {
    }

    /** The meeting to save on their version, or empty for "ta deras"; null when the person cancelled. */
    static Optional<Meeting> ask(DialogService dialogs, I18n i18n, CouncilService.MeetingConflict c, Meeting base,
                                 Meeting mine, Function<Long, String> typeName) {
        Meeting theirs = c.theirs();
        Map<String, String> b = fields(i18n, base, typeName);
        Map<String, String> m = fields(i18n, mine, typeName);
        Map<String, String> t = fields(i18n, theirs, typeName);
        List<ThreeWay.Difference<String>> diffs = ThreeWay.differences(b, m, t);
        List<ConflictQuestion.Row> rows = new ArrayList<>();
        for (ThreeWay.Difference<String> d : diffs) {
            ConflictQuestion.Changed changed = d.both() ? ConflictQuestion.Changed.BOTH
                    : d.changedByMe() ? ConflictQuestion.Changed.MINE : ConflictQuestion.Changed.THEIRS;
            rows.add(new ConflictQuestion.Row(i18n.get("council.conflict.field." + d.key()), m.get(d.key()),
                    t.get(d.key()), changed, i18n.get("deviation.conflict.changedBy." + changed.name())));
        }
        String who = c.changedBy() == null ? i18n.get("deviation.conflict.someone") : c.changedBy();
        String when = c.changedAt() == null ? "" : c.changedAt().format(WHEN);
        ConflictQuestion q = new ConflictQuestion(i18n.get("council.conflict.title"),
                i18n.get("council.conflict.message", who, when) + "\n\n" + i18n.get("deviation.conflict.keepMineHint")
                        + "\n" + i18n.get("deviation.conflict.mergeHint"), rows,
                new ConflictQuestion.Labels(i18n.get("deviation.conflict.mine"), i18n.get("deviation.conflict.theirs", who),
                        i18n.get("deviation.conflict.column.field"), i18n.get("deviation.conflict.column.changed"),
                        i18n.get("deviation.conflict.keepMine"), i18n.get("deviation.conflict.takeTheirs"),
                        i18n.get("deviation.conflict.merge"), i18n.get("common.cancel"),
                        i18n.get("deviation.conflict.bothHint"), i18n.get("deviation.conflict.pickMine"),
                        i18n.get("deviation.conflict.pickTheirs")));
        var answer = dialogs.resolveConflict(q);
        if (answer.isEmpty()) {
            return null;
        }
        return switch (answer.get().choice()) {
            case KEEP_MINE -> Optional.of(mine);
            case TAKE_THEIRS -> Optional.empty();
            case MERGE -> {
                Set<String> mineWins = new HashSet<>();
                for (int i : answer.get().mineRows()) {
                    mineWins.add(diffs.get(i).key());
                }
                Meeting out = theirs;
                for (ThreeWay.Difference<String> d : diffs) {
                    if (d.both() ? mineWins.contains(d.key()) : d.changedByMe()) {
                        out = take(out, mine, d.key());
                    }
                }
                yield Optional.of(out);
            }
        };
    }

    /** {@code into} with the field {@code key} from {@code from}. */
    private static Meeting take(Meeting into, Meeting from, String key) {
        return switch (key) {
            case "title" -> new Meeting(into.id(), into.unitId(), into.heldOn(), from.title(), into.held(),
                    into.patterns(), into.notes(), into.participants(), into.councilTypeId());
            case "heldOn" -> new Meeting(into.id(), into.unitId(), from.heldOn(), into.title(), into.held(),
                    into.patterns(), into.notes(), into.participants(), into.councilTypeId());
            case "held" -> into.withHeld(from.held());
            case "patterns" -> into.withPatterns(from.patterns());
            case "notes" -> into.withNotes(from.notes());
            case "participants" -> into.withParticipants(from.participants());
            case "councilType" -> into.withCouncilType(from.councilTypeId());
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The editable fields in words, blank and missing alike. */
    private static Map<String, String> fields(I18n i18n, Meeting m, Function<Long, String> typeName) {
        Map<String, String> out = new LinkedHashMap<>();
        String empty = i18n.get("deviation.conflict.empty");
        out.put("title", blank(m.title(), empty));
        out.put("heldOn", m.heldOn() == null ? empty : m.heldOn().toString());
        out.put("held", i18n.get(m.held() ? "deviation.conflict.yes" : "deviation.conflict.no"));
        out.put("patterns", blank(m.patterns(), empty));
        out.put("notes", blank(m.notes(), empty));
        out.put("participants", m.participants().isEmpty() ? empty : String.join(", ", m.participants().stream()
                .map(p -> p.name() + " (" + p.role() + ")").toList()));
        out.put("councilType", m.councilTypeId() == null ? empty : typeName.apply(m.councilTypeId()));
        assert out.keySet().equals(new java.util.LinkedHashSet<>(FIELDS));
        return out;
    }

    private static String blank(String s, String empty) {
        return s == null || s.isBlank() ? empty : s;
    }
}
