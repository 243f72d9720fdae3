package se.kvalitetshjulet.ui.deviation;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Autosave of the deviation editor (issue 18, decision 0027): the form is written as a draft (in the database, per
 * person) a moment after each change — the view times it, {@link #changesProperty()} — and when the window closes;
 * opening the same form again offers "Fortsätt med utkastet från 14:02" or discards it; a save clears it. One
 * write at a time; a change made while writing is written right after.
 */
public final class DeviationDraftKeeper {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DeviationContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final IntegerProperty changes = new SimpleIntegerProperty();
    private final StringProperty state = new SimpleStringProperty("");
    private boolean unsaved;
    private boolean writing;
    private boolean again;
    /** Set when the draft was discarded while a write was under way: that write is undone when it lands. */
    private List<Long> discardAfterWrite;

    DeviationDraftKeeper(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    /** The form changed: the view starts its short timer, then calls {@link #saveNow}. */
    void changed() {
        unsaved = true;
        changes.set(changes.get() + 1);
    }

    /** Writes the form as it stands (read now, on the FX thread), unless nothing changed since the last write. */
    public void saveNow(Supplier<Deviation> form) {
        if (!unsaved) {
            return;
        }
        if (writing) {
            again = true;
            return;
        }
        Deviation d = form.get();
        unsaved = false;
        writing = true;
        tasks.run(i18n.get("h2.draft.saving"), p -> ctx.drafts().save(d), at -> {
            writing = false;
            if (discardAfterWrite != null) {
                List<Long> ids = discardAfterWrite;
                discardAfterWrite = null;
                discard(ids.toArray(Long[]::new));
                return;
            }
            state.set(i18n.get("h2.draft.savedAt", at.format(TIME)));
            if (again) {
                again = false;
                saveNow(form);
            }
        }, e -> {
            writing = false;
            unsaved = true;
            state.set(i18n.get("h2.draft.failed"));
        });
    }

    /** After the form was read: offers a kept draft of it ({@code restore} fills the form), or discards it. */
    void offer(Long deviationId, Consumer<Deviation> restore) {
        tasks.run(i18n.get("deviation.editor.loading"), p -> ctx.drafts().find(deviationId), found -> found.ifPresent(dr -> {
            String when = dr.savedAt().toLocalDate().equals(ctx.today()) ? dr.savedAt().format(TIME)
                    : dr.savedAt().format(DAY_TIME);
            var answer = dialogs.choose(i18n.get("h2.draft.title"), i18n.get("h2.draft.question", when),
                    List.of(i18n.get("h2.draft.continue", when), i18n.get("h2.draft.discard")));
            if (answer.isPresent() && answer.get() == 0) {
                restore.accept(dr.deviation());
                state.set(i18n.get("h2.draft.restored", when));
            } else if (answer.isPresent()) {
                discard(deviationId);
            }
        }), t -> state.set(i18n.get("h2.draft.failed")));
    }

    /** The deviation was saved (or the changes thrown away): its drafts (null: of a new one) are no longer needed. */
    void discard(Long... deviationIds) {
        unsaved = false;
        again = false;
        state.set("");
        List<Long> ids = java.util.Arrays.asList(deviationIds);
        if (writing) {
            discardAfterWrite = ids;
        }
        tasks.run(i18n.get("h2.draft.saving"), p -> {
            for (Long id : ids) {
                ctx.drafts().discard(id);
            }
            return Boolean.TRUE;
        }, b -> { }, t -> { });
    }

    /** Counts the form's changes; the view restarts its autosave timer on each. */
    public IntegerProperty changesProperty() { return changes; }
    /** "Utkast sparat 14:02", for the editor's footer. */
    public StringProperty stateProperty() { return state; }
}
