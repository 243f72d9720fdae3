package se.kvalitetshjulet.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ActionRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.action.ActionRules;
import se.kvalitetshjulet.domain.deviation.Measure;

/**
 * Use cases of the one list of improvement actions (åtgärder), whatever their source: search, mark done, check
 * the effect and close. Every write is one transaction with an audit row (through
 * {@link DeviationRepository#saveMeasure}).
 */
public final class ActionService {
    private PrivacyService privacy;

    /** Whether the coordinator's policy (Inställningar) refuses identifying details in these texts (decision 0018). */
    public boolean privacyRefuses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.ACTION);
    }

    /** The privacy check with the coordinator's policy (Inställningar); set once by AppContext. */
    public ActionService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    private java.util.Optional<Problem> privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind kind,
                                                       List<String> texts) {
        return privacy == null ? java.util.Optional.empty() : privacy.refusal(kind, texts);
    }

    private final Database db;
    private final ActionRepository actions;
    private final DeviationRepository measures;
    private final OrganisationService organisation;
    private final Clock clock;

    public ActionService(Database db, ActionRepository actions, DeviationRepository measures,
                         OrganisationService organisation, Clock clock) {
        this.db = db;
        this.actions = actions;
        this.measures = measures;
        this.organisation = organisation;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Page<ActionRow> search(ActionFilter filter, int page, int size) {
        return actions.search(filter, page, size, today());
    }

    public long count(ActionFilter filter) {
        return actions.count(filter, today());
    }

    public Optional<ActionRow> find(long id) {
        return actions.findRow(id);
    }

    /** Creates or updates an action of any source after the common validation. */
    public SaveResult<Measure> save(Measure m) {
        List<Problem> p = new java.util.ArrayList<>(ActionRules.validate(m));
        privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.ACTION,
                java.util.Arrays.asList(m.what(), m.effectCheck())).ifPresent(p::add);
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(MeasureWrites.guarded(measures, m.id(), m.version(),
                () -> db.tx(tx -> measures.saveMeasure(tx, m))));
    }

    /** Marks the action carried out on {@code doneOn} (not in the future); it stays open until its effect is checked. */
    public SaveResult<Measure> markDone(long id, LocalDate doneOn) {
        if (doneOn == null || doneOn.isAfter(today())) {
            return SaveResult.rejected(List.of(new Problem("doneOn", "action.validation.doneDate")));
        }
        return MeasureWrites.guarded(measures, id, null, () -> db.tx(tx -> {
            Measure m = actions.lockForUpdate(tx, id);
            return SaveResult.saved(measures.saveMeasure(tx, ActionRules.withDone(m, doneOn)));
        }));
    }

    /** Undoes "done" (and any effect check), e.g. when it turns out the action was not carried out. */
    public SaveResult<Measure> reopen(long id) {
        return MeasureWrites.guarded(measures, id, null, () -> db.tx(tx -> {
            Measure m = actions.lockForUpdate(tx, id);
            Measure open = ActionRules.withEffectCheck(ActionRules.withDone(m, null), null, null);
            return SaveResult.saved(measures.saveMeasure(tx, open));
        }));
    }

    /** Records the effect check and closes the action; refused unless done, with a written check and a judgement. */
    public SaveResult<Measure> close(long id, String effectCheck, Boolean effective) {
        return MeasureWrites.guarded(measures, id, null, () -> db.tx(tx -> {
            Measure m = actions.lockForUpdate(tx, id);
            Measure checked = ActionRules.withEffectCheck(m, effectCheck, effective);
            List<Problem> p = new java.util.ArrayList<>(ActionRules.checkClose(checked));
            privacyRefusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.ACTION,
                    java.util.Arrays.asList(effectCheck)).ifPresent(p::add);
            if (!p.isEmpty()) {
                return SaveResult.<Measure>rejected(p);
            }
            return SaveResult.saved(measures.saveMeasure(tx, checked));
        }));
    }

    public OrganisationService organisation() {
        return organisation;
    }
}
