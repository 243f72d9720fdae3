package se.kvalitetshjulet.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Dialogs behind an interface, so view models can be tested without windows. */
public interface DialogService {
    void showError(String title, String message);

    void showInfo(String title, String message);

    boolean confirm(String title, String message);

    Optional<String> askText(String title, String prompt, String initial);

    /**
     * A question with named answers (e.g. "Behåll befintliga svar" / "Använd filen"): the index of the chosen
     * option, or empty when the dialog was closed without an answer.
     */
    Optional<Integer> choose(String title, String message, List<String> options);

    /** A file to open; {@code extensions} like "*.csv". */
    Optional<Path> chooseOpenFile(String title, List<String> extensions);

    Optional<Path> chooseSaveFile(String title, String suggestedName, List<String> extensions);

    /**
     * A step that needs a written reason and a confirmation (e.g. "Återöppna ärendet"): the reason, or empty when
     * cancelled. The confirming button is named ({@code confirmLabel}) and enabled only once the reason has
     * {@code minLength} characters; the safe answer, {@code cancelLabel}, is the default.
     */
    default Optional<String> askReason(String title, String message, String confirmLabel, String cancelLabel,
                                       int minLength) {
        Optional<String> reason = askText(title, message, "").map(String::strip).filter(r -> r.length() >= minLength);
        return reason.isPresent() && confirm(title, message + "\n\n" + reason.get()) ? reason : Optional.empty();
    }

    /**
     * The privacy question before storing flagged free text (decision 0018): what was found, by field, kind and
     * position, with the named answers {@link PrivacyQuestion.Asked#editLabel()} (the safe default) and
     * {@link PrivacyQuestion.Asked#saveLabel()}. True only for "Spara ändå".
     */
    default boolean askPrivacy(PrivacyQuestion.Asked q) {
        String text = q.message() + "\n\n" + String.join("\n", q.lines().stream().map(l -> "• " + l).toList());
        return choose(q.title(), text, List.of(q.editLabel(), q.saveLabel())).filter(i -> i == 1).isPresent();
    }

    /**
     * The conflict dialog (decision 0025): someone else saved the record while this person edited it. Empty when
     * closed without an answer (nothing is saved, the form keeps mine). This fallback asks with {@link #choose}: the
     * three answers, then for a merge one question per field that both changed.
     */
    default Optional<ConflictQuestion.Answer> resolveConflict(ConflictQuestion q) {
        Optional<Integer> c = choose(q.title(), q.asText(), List.of(q.keepMineLabel(), q.takeTheirsLabel(), q.mergeLabel()));
        if (c.isEmpty()) {
            return Optional.empty();
        }
        ConflictQuestion.Choice choice = ConflictQuestion.Choice.values()[c.get()];
        java.util.Set<Integer> mine = new java.util.HashSet<>();
        if (choice == ConflictQuestion.Choice.MERGE) {
            for (int i : q.bothRows()) {
                ConflictQuestion.Row r = q.rows().get(i);
                Optional<Integer> pick = choose(q.title(), r.field() + "\n" + q.bothHint(),
                        List.of(q.mineHeading() + ": " + r.mine(), q.theirsHeading() + ": " + r.theirs()));
                if (pick.isEmpty()) {
                    return Optional.empty();
                }
                if (pick.get() == 0) {
                    mine.add(i);
                }
            }
        }
        return Optional.of(new ConflictQuestion.Answer(choice, mine));
    }

    /** The three answers to "unsaved changes" (issue 18): save them, throw them away, or go back to the editor. */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /**
     * Before unsaved changes would be lost: "Spara", "Släng ändringarna" or "Avbryt", in the UI language; Enter never
     * throws the changes away (the default is "Spara", Escape and the close box are "Avbryt"). Without {@code canSave}
     * (the form cannot be saved as it stands) "Spara" is left out and "Avbryt" is the default.
     */
    default Unsaved askUnsaved(String title, String message, boolean canSave) {
        return confirm(title, message) ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    /**
     * A confirmation with named answers (issue 18, decision 0026), e.g. "Lämna in" / "Avbryt": true only for
     * {@code confirmLabel}; the safe answer {@code cancelLabel} is the default (Enter, Escape, the close box).
     */
    default boolean confirmAs(String title, String message, String confirmLabel, String cancelLabel) {
        return confirm(title, message);
    }

    /** Error dialog for something unexpected: what happened and where the log is. */
    void showUnexpected(Throwable error);

    /**
     * h5 (issue 15): asks for a password in a masked field, under {@code header} ("Lösenord för
     * anna@kvh.example.se"), with {@code problem} above it when the last one was refused (null: none). Empty when the
     * user cancels; a service that cannot ask answers empty.
     */
    default Optional<String> askPassword(String title, String header, String problem) {
        return Optional.empty();
    }
}
