package se.kvalitetshjulet.ui.council;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.FollowUpOutcome;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * What the council decides at the open meeting: new decisions (actions with what, responsible and due), the
 * follow-up of earlier decisions (done, not done, carried over with a note and a new due date), and analyses
 * (riskanalys, händelseanalys) ordered from a decision. Texts pass the privacy question first (decision 0018);
 * each save is its own transaction, after which the meeting is read again.
 */
public final class CouncilDecisions {
    private final CouncilContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final SaveFlow saves;
    private final Supplier<Long> meetingId;
    private final Runnable reload;

    private final StringProperty what = new SimpleStringProperty("");
    private final StringProperty responsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final ObjectProperty<FollowUpItem> selectedFollowUp = new SimpleObjectProperty<>();
    private final StringProperty followUpNote = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> followUpNewDue = new SimpleObjectProperty<>();
    private final ObjectProperty<ActionRow> selectedDecision = new SimpleObjectProperty<>();

    private final Command addDecision;
    private final Command followUpDone;
    private final Command followUpNotDone;
    private final Command followUpCarry;
    private final Command orderRiskAnalysis;
    private final Command orderEventAnalysis;

    /**
     * @param open      whether a meeting is open
     * @param meetingId the open meeting's id
     * @param reload    reads the open meeting again
     */
    CouncilDecisions(CouncilContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, SaveFlow saves,
                     BooleanBinding open, Supplier<Long> meetingId, Runnable reload) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.saves = saves;
        this.meetingId = meetingId;
        this.reload = reload;
        addDecision = new Command(this::addDecision, open);
        followUpDone = new Command(() -> followUp(FollowUpOutcome.DONE), selectedFollowUp.isNotNull());
        followUpNotDone = new Command(() -> followUp(FollowUpOutcome.NOT_DONE), selectedFollowUp.isNotNull());
        followUpCarry = new Command(() -> followUp(FollowUpOutcome.CARRIED_OVER), selectedFollowUp.isNotNull());
        orderRiskAnalysis = new Command(() -> orderAnalysis(AnalysisKind.RISKANALYS), selectedDecision.isNotNull());
        orderEventAnalysis = new Command(() -> orderAnalysis(AnalysisKind.HANDELSEANALYS), selectedDecision.isNotNull());
        selectedFollowUp.addListener((o, a, f) -> {
            followUpNote.set(f == null || f.note() == null ? "" : f.note());
            followUpNewDue.set(null);
        });
    }

    private void askPrivacy(List<PrivacyQuestion.Field> fields, Runnable save) {
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n, p -> ctx.councilService().privacyRefuses(), fields, save);
    }

    private void addDecision() {
        long id = meetingId.get();
        String text = what.get();
        String who = responsible.get();
        LocalDate date = due.get();
        askPrivacy(List.of(new PrivacyQuestion.Field(i18n.get("council.decision.what"), text)),
                () -> saves.save(i18n.get("council.saving"), p -> ctx.councilService().addDecision(id, text, who, date),
                        saved -> {
                            what.set("");
                            responsible.set("");
                            due.set(null);
                            reload.run();
                        }));
    }

    private void followUp(FollowUpOutcome outcome) {
        long id = meetingId.get();
        long actionId = selectedFollowUp.get().action().id();
        String note = followUpNote.get();
        LocalDate newDue = followUpNewDue.get();
        askPrivacy(List.of(new PrivacyQuestion.Field(i18n.get("council.followUp.note"), note)),
                () -> saves.save(i18n.get("council.saving"),
                        p -> ctx.councilService().followUp(id, actionId, outcome, note, newDue), saved -> reload.run()));
    }

    private void orderAnalysis(AnalysisKind kind) {
        long id = meetingId.get();
        long actionId = selectedDecision.get().measure().id();
        saves.save(i18n.get("council.saving"), p -> ctx.councilService().orderAnalysis(id, actionId, kind), analysis -> {
            dialogs.showInfo(i18n.get("council.orderAnalysis"), i18n.get("council.analysisOrdered", analysis.title()));
            reload.run();
        });
    }

    public StringProperty decisionWhatProperty() { return what; }
    public StringProperty decisionResponsibleProperty() { return responsible; }
    public ObjectProperty<LocalDate> decisionDueProperty() { return due; }
    public ObjectProperty<FollowUpItem> selectedFollowUpProperty() { return selectedFollowUp; }
    public StringProperty followUpNoteProperty() { return followUpNote; }
    public ObjectProperty<LocalDate> followUpNewDueProperty() { return followUpNewDue; }
    public ObjectProperty<ActionRow> selectedDecisionProperty() { return selectedDecision; }
    public Command addDecisionCommand() { return addDecision; }
    public Command followUpDoneCommand() { return followUpDone; }
    public Command followUpNotDoneCommand() { return followUpNotDone; }
    public Command followUpCarryCommand() { return followUpCarry; }
    public Command orderRiskAnalysisCommand() { return orderRiskAnalysis; }
    public Command orderEventAnalysisCommand() { return orderEventAnalysis; }
}
