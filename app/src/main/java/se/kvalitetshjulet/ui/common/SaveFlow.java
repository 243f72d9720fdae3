package se.kvalitetshjulet.ui.common;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.service.SaveResult;

/**
 * The save flow of a view model (sparflödet): mark busy, run the save through the {@link TaskRunner}, then either
 * show the problems that stopped it (the rules' validation) or clear them and hand the saved value on. Unexpected
 * failures clear busy and go to the {@link DialogService}.
 */
public final class SaveFlow {
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final StringProperty problems;
    private final BooleanProperty busy;
    private final Function<List<Problem>, String> format;

    /**
     * @param problems where the problems are shown (and cleared on success)
     * @param busy     true while a save runs; may be null when the view model has no busy state
     * @param format   how a list of problems reads, e.g. {@link #oneALine(I18n)}
     */
    public SaveFlow(TaskRunner tasks, DialogService dialogs, StringProperty problems, BooleanProperty busy,
                    Function<List<Problem>, String> format) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.problems = problems;
        this.busy = busy;
        this.format = format;
    }

    /** Problems one a line, in order. */
    public static Function<List<Problem>, String> oneALine(I18n i18n) {
        return list -> String.join("\n", list.stream().map(i18n::problem).toList());
    }

    /** Problems one a line, each text once. */
    public static Function<List<Problem>, String> distinctLines(I18n i18n) {
        return list -> list.stream().map(i18n::problem).distinct().collect(Collectors.joining("\n"));
    }

    /** Runs {@code work}; on success clears the problems and passes the saved value to {@code onSaved}. */
    public <T> void save(String description, TaskRunner.Work<SaveResult<T>> work, Consumer<? super T> onSaved) {
        save(description, work, onSaved, UnaryOperator.identity());
    }

    /** As {@link #save(String, TaskRunner.Work, Consumer)}, with {@code explain} wrapped around the problems text. */
    public <T> void save(String description, TaskRunner.Work<SaveResult<T>> work, Consumer<? super T> onSaved,
                         UnaryOperator<String> explain) {
        setBusy(true);
        tasks.run(description, work, r -> {
            setBusy(false);
            if (!r.ok()) {
                problems.set(explain.apply(format.apply(r.problems())));
                return;
            }
            problems.set("");
            onSaved.accept(r.value());
        }, this::failed);
    }

    /** Shows the problems of {@code r} (or clears them); returns whether it was saved. */
    public boolean show(SaveResult<?> r) {
        problems.set(r.ok() ? "" : format.apply(r.problems()));
        return r.ok();
    }

    /** Unexpected failure: no longer busy, and the dialog service tells the user. */
    public void failed(Throwable t) {
        setBusy(false);
        dialogs.showUnexpected(t);
    }

    private void setBusy(boolean b) {
        if (busy != null) {
            busy.set(b);
        }
    }
}
