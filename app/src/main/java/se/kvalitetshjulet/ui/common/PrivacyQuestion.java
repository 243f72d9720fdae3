package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * The one question every editor asks before it stores free text that the privacy check flags (integritetsfrågan,
 * decision 0018). Under the "warn" policy it lists what was found by field, kind and position and asks with named
 * answers, "Ändra texten" (the safe default: nothing is stored, the editor stays open as it is) and "Spara ändå";
 * under "refuse" it lets the save go on to the service, which refuses it with a message that says what to remove,
 * so nothing is stored. The dialog itself is {@link DialogService#askPrivacy(Asked)}.
 */
public final class PrivacyQuestion {
    /** A free-text field as the user sees it: its label and its text. */
    public record Field(String label, String text) {
    }

    /** One finding: in which field (label and text), of what kind, the text found, its offsets in the field's text. */
    public record Hit(String field, String fieldText, PrivacyCheck.Kind kind, String found, int start, int end) {
    }

    /** What the dialog shows: a title, a message, the hits and one line for each, and the two answers' names. */
    public record Asked(String title, String message, List<Hit> hits, List<String> lines, String editLabel,
                        String saveLabel) {
    }

    private PrivacyQuestion() {
    }

    /** A field labelled with the text of {@code labelKey} (a form label; its mnemonic underscore removed). */
    public static Field field(I18n i18n, String labelKey, String text) {
        return new Field(i18n.get(labelKey).replace("_", "").replace(":", "").strip(), text);
    }

    /** The findings in {@code fields}, field by field, in text order. */
    public static List<Hit> hits(List<Field> fields) {
        List<Hit> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.text() == null || f.text().isBlank()) {
                continue;
            }
            for (PrivacyCheck.Finding x : PrivacyCheck.check(f.text())) {
                out.add(new Hit(f.label(), f.text(), x.kind(), x.text(), x.start(), x.end()));
            }
        }
        return out;
    }

    /** "Personnummer ”19121212-1212” i Kommentar, tecken 1–13". */
    public static String line(I18n i18n, Hit h) {
        return i18n.get("privacy.q.line", i18n.get("privacy.q.kind." + h.kind().name()), h.found(), h.field(),
                h.start() + 1, h.end());
    }

    /** The question for {@code hits}, with its Swedish (or English) texts. */
    public static Asked asked(I18n i18n, List<Hit> hits) {
        return new Asked(i18n.get("privacy.ask.title"), i18n.get("privacy.q.message", hits.size()), List.copyOf(hits),
                hits.stream().map(h -> line(i18n, h)).toList(), i18n.get("privacy.ask.edit"),
                i18n.get("privacy.ask.saveAnyway"));
    }

    /**
     * Asks now (the policy is known to be "warn"): true when nothing was found or the user chose "Spara ändå".
     */
    public static boolean confirm(DialogService dialogs, I18n i18n, List<Field> fields) {
        List<Hit> hits = hits(fields);
        return hits.isEmpty() || dialogs.askPrivacy(asked(i18n, hits));
    }

    /**
     * Before storing {@code fields}: runs {@code save} at once when nothing is found; otherwise reads the policy off
     * the FX thread ({@code refuses}, e.g. {@code p -> privacy.refuses(kind)}) and then, under "refuse", runs
     * {@code save} so that the service refuses it with its message; under "warn" asks, and runs {@code save} only
     * for "Spara ändå". For "Ändra texten" (or a closed dialog) {@code kept} runs and nothing is stored.
     */
    public static void beforeSave(TaskRunner tasks, DialogService dialogs, I18n i18n, TaskRunner.Work<Boolean> refuses,
                                  List<Field> fields, Runnable save, Runnable kept) {
        List<Hit> hits = hits(fields);
        if (hits.isEmpty()) {
            save.run();
            return;
        }
        Consumer<Boolean> decide = refusing -> {
            if (Boolean.TRUE.equals(refusing) || dialogs.askPrivacy(asked(i18n, hits))) {
                save.run();
            } else {
                kept.run();
            }
        };
        tasks.run(i18n.get("privacy.q.checking"), refuses, decide, dialogs::showUnexpected);
    }

    /** As {@link #beforeSave(TaskRunner, DialogService, I18n, TaskRunner.Work, List, Runnable, Runnable)}, keeping nothing to do. */
    public static void beforeSave(TaskRunner tasks, DialogService dialogs, I18n i18n, TaskRunner.Work<Boolean> refuses,
                                  List<Field> fields, Runnable save) {
        beforeSave(tasks, dialogs, i18n, refuses, fields, save, () -> { });
    }
}
