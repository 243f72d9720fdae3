package se.kvalitetshjulet.ui.common;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.audit.AuditChange;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


/**
 * A record's history in plain Swedish, field by field: "2026-11-20 14:02 Anna Berg ändrade Status från Utredning
 * till Bedömd". Field names come from {@code audit.field.<column>}; coded values (status, kind, law …) are read
 * by the given formatters; long texts are shortened; the reason of a reopening follows on its own line.
 */
public final class AuditText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_VALUE = 70;

    private final I18n i18n;
    private final Map<String, Function<Object, String>> values;

    /** @param values how to read the value of a field (by column name), e.g. "status" → the status's name */
    public AuditText(I18n i18n, Map<String, Function<Object, String>> values) {
        this.i18n = i18n;
        this.values = values;
    }

    /** The lines of one audit row: one per changed field, then the reason if any. */
    public List<String> lines(AuditEntry e) {
        String head = when(e) + " " + who(e);
        List<String> out = new ArrayList<>();
        if ("INSERT".equals(e.action())) {
            out.add(i18n.get("audit.text.created", head));
        } else if ("DELETE".equals(e.action())) {
            out.add(i18n.get("audit.text.deleted", head));
        } else {
            List<AuditChange> changes = e.changes();
            if (changes.isEmpty()) {
                out.add(i18n.get("audit.text.changedNothingVisible", head));
            }
            for (AuditChange c : changes) {
                String field = field(c.field());
                if (empty(c.before())) {
                    out.add(i18n.get("audit.text.set", head, field, value(c.field(), c.after())));
                } else if (empty(c.after())) {
                    out.add(i18n.get("audit.text.cleared", head, field, value(c.field(), c.before())));
                } else {
                    out.add(i18n.get("audit.text.changed", head, field, value(c.field(), c.before()),
                            value(c.field(), c.after())));
                }
            }
        }
        if (e.reason() != null && !e.reason().isBlank()) {
            out.add("    " + i18n.get("audit.text.reason", e.reason()));
        }
        return out;
    }

    /** All lines of a history, newest first as given. */
    public List<String> lines(List<AuditEntry> history) {
        List<String> out = new ArrayList<>();
        for (AuditEntry e : history) {
            out.addAll(lines(e));
        }
        return out;
    }

    private static String when(AuditEntry e) {
        if (e.atText() != null) {
            try {
                return WHEN.format(OffsetDateTime.parse(e.atText()));
            } catch (RuntimeException ignored) {
                // fall back to the stored local time
            }
        }
        LocalDateTime at = e.at();
        return at == null ? "" : WHEN.format(at);
    }

    private String who(AuditEntry e) {
        return e.actorFromOs() ? i18n.get("audit.text.osActor", e.actor()) : e.actor();
    }

    private String field(String column) {
        String key = "audit.field." + column;
        return i18n.has(key) ? i18n.get(key) : column.replace('_', ' ');
    }

    private String value(String column, Object v) {
        if (empty(v)) {
            return i18n.get("audit.text.empty");
        }
        Function<Object, String> f = values.get(column);
        String s;
        if (f != null) {
            s = f.apply(v);
        } else if (v instanceof Boolean b) {
            s = i18n.get(b ? "audit.text.yes" : "audit.text.no");
        } else if (v instanceof Collection<?> c) {
            s = String.join(", ", c.stream().map(String::valueOf).toList());
        } else {
            s = String.valueOf(v);
        }
        s = s.replace('\n', ' ');
        return "\u201D" + (s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 1) + "…" : s) + "\u201D";
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof Collection<?> c && c.isEmpty());
    }
}
