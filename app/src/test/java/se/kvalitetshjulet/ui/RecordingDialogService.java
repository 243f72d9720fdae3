package se.kvalitetshjulet.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.ui.common.DialogService;

/** A dialog service for tests: records what would have been shown and answers as told. */
public final class RecordingDialogService implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<Throwable> unexpected = new ArrayList<>();
    public boolean confirmAnswer = true;
    public Optional<String> textAnswer = Optional.empty();
    public Optional<Path> fileAnswer = Optional.empty();
    /** The option chosen in {@link #choose}; empty = the dialog closed without an answer. */
    public Optional<Integer> chooseAnswer = Optional.of(0);
    public final List<List<String>> choices = new ArrayList<>();
    /** Every privacy question asked (integritetsfrågan), answered with {@link #chooseAnswer} (1 = "Spara ändå"). */
    public final List<se.kvalitetshjulet.ui.common.PrivacyQuestion.Asked> privacyQuestions = new ArrayList<>();

    @Override
    public boolean askPrivacy(se.kvalitetshjulet.ui.common.PrivacyQuestion.Asked q) {
        privacyQuestions.add(q);
        choices.add(List.of(q.editLabel(), q.saveLabel()));
        return chooseAnswer.filter(i -> i == 1).isPresent();
    }
    /** Every conflict dialog shown (decision 0025), answered with {@link #conflictAnswer}. */
    public final List<se.kvalitetshjulet.ui.common.ConflictQuestion> conflicts = new ArrayList<>();
    /** The answer to the conflict dialog; empty = closed with "Avbryt". */
    public java.util.function.Function<se.kvalitetshjulet.ui.common.ConflictQuestion,
            Optional<se.kvalitetshjulet.ui.common.ConflictQuestion.Answer>> conflictAnswer = q -> Optional.empty();

    @Override
    public Optional<se.kvalitetshjulet.ui.common.ConflictQuestion.Answer> resolveConflict(
            se.kvalitetshjulet.ui.common.ConflictQuestion q) {
        conflicts.add(q);
        return conflictAnswer.apply(q);
    }

    /** h4: the answer to "unsaved changes"; null = as {@link #confirmAnswer} says (true: throw them away). */
    public Unsaved unsavedAnswer;
    /** h4: the messages of the unsaved-changes questions asked. */
    public final List<String> unsavedQuestions = new ArrayList<>();

    @Override
    public Unsaved askUnsaved(String title, String message, boolean canSave) {
        unsavedQuestions.add(message);
        return unsavedAnswer != null ? unsavedAnswer : confirmAnswer ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    /** h1: the named answers of each {@link #confirmAs} asked (its message is in {@link #confirms}). */
    public final List<List<String>> confirmLabels = new ArrayList<>();

    @Override
    public boolean confirmAs(String title, String message, String confirmLabel, String cancelLabel) {
        confirmLabels.add(List.of(confirmLabel, cancelLabel));
        return confirm(title, message);
    }

    /** h5: the password questions asked, as "header | problem" (problem "-" when none). */
    public final List<String> passwordQuestions = new ArrayList<>();
    /** h5: the answers to the password questions, in turn; empty (or used up) = the user cancels. */
    public final java.util.Deque<String> passwordAnswers = new java.util.ArrayDeque<>();

    @Override
    public Optional<String> askPassword(String title, String header, String problem) {
        passwordQuestions.add(header + " | " + (problem == null ? "-" : problem));
        return Optional.ofNullable(passwordAnswers.poll());
    }

    /** The messages of the confirmations asked. */
    public final List<String> confirms = new ArrayList<>();

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirms.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<Integer> choose(String title, String message, List<String> options) {
        choices.add(options);
        return chooseAnswer;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        return textAnswer;
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        return fileAnswer;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, List<String> extensions) {
        return fileAnswer;
    }

    @Override
    public void showUnexpected(Throwable error) {
        unexpected.add(error);
    }
}
