package se.kvalitetshjulet.ui.deviation;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationRules;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.service.DeviationService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.SaveFlow;

/**
 * What the deviation editor writes: save the record, move it to the next status, send it back or reopen it (with a
 * reason), link it to another case. Each is one transaction with its audit row; the record is read back and shown
 * as saved.
 */
final class DeviationSteps {
    private final DeviationContext ctx;
    private final DialogService dialogs;
    private final I18n i18n;
    private final SaveFlow saves;
    private final DeviationPrivacy privacy;
    private final Supplier<Deviation> current;
    private final Supplier<String> caseRef;
    private final Function<Deviation, DeviationEditorLoader.Loaded> load;
    private final Consumer<DeviationEditorLoader.Loaded> show;
    private final Consumer<DeviationEditorLoader.Loaded> showChanged;
    private Supplier<Deviation> base = () -> null;
    private Supplier<Long> version = () -> null;

    /**
     * @param current     the record as it stands in the form
     * @param load        reads what the editor shows of a saved record (in the work)
     * @param show        shows a record as read back
     * @param showChanged shows it and tells the register that it changed
     */
    DeviationSteps(DeviationContext ctx, DialogService dialogs, I18n i18n, SaveFlow saves, DeviationPrivacy privacy,
                   Supplier<Deviation> current, Supplier<String> caseRef,
                   Function<Deviation, DeviationEditorLoader.Loaded> load,
                   Consumer<DeviationEditorLoader.Loaded> show, Consumer<DeviationEditorLoader.Loaded> showChanged) {
        this.ctx = ctx;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.saves = saves;
        this.privacy = privacy;
        this.current = current;
        this.caseRef = caseRef;
        this.load = load;
        this.show = show;
        this.showChanged = showChanged;
    }

    /** Where the editor's record was read: the record as read and its version. */
    void readAt(Supplier<Deviation> base, Supplier<Long> version) {
        this.base = base;
        this.version = version;
    }

    void save() {
        Deviation d = current.get();
        if (!privacy.confirmed(d)) {
            return;
        }
        save(d, base.get(), version.get());
    }

    /**
     * Saves {@code d} on {@code readVersion}; when someone else saved in between, nothing is written and the
     * conflict dialog asks what should hold (decision 0025).
     */
    private void save(Deviation d, Deviation readRecord, Long readVersion) {
        boolean refuse = privacy.refuseIdentityNumbers();
        saves.save(i18n.get("deviation.editor.saving"), p -> {
            try {
                return ctx.deviationService().save(d, refuse, readVersion).map(s -> (Outcome) new Saved(load.apply(s)));
            } catch (DeviationService.ConflictException e) {
                return SaveResult.saved(new Refused(DeviationConflict.of(ctx, i18n, e.conflict(), readRecord, d)));
            }
        }, outcome -> {
            switch (outcome) {
                case Saved s -> showChanged.accept(s.loaded());
                case Refused r -> resolve(r.conflict());
            }
        });
    }

    private sealed interface Outcome permits Saved, Refused { }

    private record Saved(DeviationEditorLoader.Loaded loaded) implements Outcome { }

    private record Refused(DeviationConflict conflict) implements Outcome { }

    /** The conflict dialog's answer: mine on their version, theirs shown, or merged field by field, then saved. */
    private void resolve(DeviationConflict c) {
        var answer = dialogs.resolveConflict(c.question());
        var theirs = c.conflict().theirs();
        long theirVersion = c.conflict().theirVersion();
        if (answer.isEmpty()) {
            saves.show(SaveResult.rejected(List.of(new Problem("version", "deviation.conflict.notSaved",
                    c.question().theirsHeading()))));
            return;
        }
        switch (answer.get().choice()) {
            case KEEP_MINE -> save(c.keepMine(), theirs, theirVersion);
            case TAKE_THEIRS -> saves.save(i18n.get("deviation.editor.loading"),
                    p -> SaveResult.saved(load.apply(theirs)), showChanged);
            case MERGE -> save(c.merged(answer.get()), theirs, theirVersion);
        }
    }

    /** Sends the record back one step, or reopens a closed case, after asking for the reason (required). */
    void stepBack(DeviationStatus from, DeviationStatus target) {
        boolean reopen = from == DeviationStatus.AVSLUTAD;
        String prefix = reopen ? "deviation.reopen" : "deviation.stepBack";
        var reason = dialogs.askReason(i18n.get(prefix + ".title", caseRef.get()),
                i18n.get(prefix + ".message", i18n.of(from), i18n.of(target)),
                i18n.get(prefix + ".confirm", i18n.of(target)), i18n.get("common.cancel"), DeviationRules.MIN_REASON_LENGTH);
        if (reason.isEmpty()) {
            return;
        }
        Deviation d = current.get();
        Long read = version.get();
        saves.save(i18n.get("deviation.editor.saving"),
                p -> ctx.deviationService().stepBack(d, target, reason.get(), read).map(load), showChanged);
    }

    /** Moves the record to the next status (saving pending edits in the same transaction). */
    void transition(DeviationStatus next) {
        Deviation d = current.get();
        if (!privacy.confirmed(d)) {
            return;
        }
        Long read = version.get(); // a step on a record someone else changed is refused (decision 0029)
        saves.save(i18n.get("deviation.editor.saving"), p -> ctx.deviationService().transition(d, next, read).map(load),
                showChanged, text -> i18n.get("deviation.transition.blocked", i18n.of(next)) + "\n" + text);
    }

    /** Links the saved record {@code self} to another by case reference (duplicate of / related to). */
    void link(Long self, String otherCaseRef, String type) {
        if (self == null || otherCaseRef == null || otherCaseRef.isBlank()) {
            return;
        }
        saves.save(i18n.get("deviation.editor.saving"), p -> ctx.deviationService().link(self, otherCaseRef, type)
                .map(v -> load.apply(ctx.deviationService().find(self).orElseThrow())), show);
    }
}
