package se.kvalitetshjulet.ui.common;

import java.util.List;
import java.util.Set;

/**
 * What the conflict dialog asks when a save was refused because someone else saved in between (decision 0025): who
 * changed it and when, and the fields that differ, mine beside theirs. The answer keeps mine, takes theirs, or merges
 * field by field, the person choosing for each field that both changed.
 *
 * @param rows the fields that differ, in the editor's order
 */
public record ConflictQuestion(String title, String message, List<Row> rows, Labels labels) {
    public ConflictQuestion {
        rows = List.copyOf(rows);
    }

    /** The dialog's words in the UI language: column headings, the answers, the per-field picks. */
    public record Labels(String mine, String theirs, String field, String changed, String keepMine, String takeTheirs,
                         String merge, String cancel, String bothHint, String pickMine, String pickTheirs) {
    }

    public String mineHeading() { return labels.mine(); }
    public String theirsHeading() { return labels.theirs(); }
    public String keepMineLabel() { return labels.keepMine(); }
    public String takeTheirsLabel() { return labels.takeTheirs(); }
    public String mergeLabel() { return labels.merge(); }
    public String bothHint() { return labels.bothHint(); }

    /** Who changed a field since the version both started from. */
    public enum Changed { MINE, THEIRS, BOTH }

    /** One field: its name, my value and theirs as text, who changed it. */
    public record Row(String field, String mine, String theirs, Changed changed, String changedText) {
    }

    /** What the person chose. */
    public enum Choice { KEEP_MINE, TAKE_THEIRS, MERGE }

    /**
     * @param mineRows for {@link Choice#MERGE}: the indices of the rows both changed where mine should win (the
     *                 others take theirs)
     */
    public record Answer(Choice choice, Set<Integer> mineRows) {
        public Answer {
            mineRows = Set.copyOf(mineRows);
        }

        public static Answer of(Choice choice) {
            return new Answer(choice, Set.of());
        }
    }

    /** The indices of the rows both changed (the ones the person picks for when merging). */
    public List<Integer> bothRows() {
        return java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.get(i).changed() == Changed.BOTH)
                .boxed().toList();
    }

    /** The question as plain lines, one field a line (for the fallback dialog and the log). */
    public String asText() {
        StringBuilder sb = new StringBuilder(message);
        for (Row r : rows) {
            sb.append("\n• ").append(r.field()).append(": ").append(mineHeading()).append(" «").append(r.mine())
                    .append("», ").append(theirsHeading()).append(" «").append(r.theirs()).append('»');
        }
        return sb.toString();
    }
}
