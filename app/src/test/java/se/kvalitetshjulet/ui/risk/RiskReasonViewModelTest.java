package se.kvalitetshjulet.ui.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/** The risk analysis's reason ("anledning") from the coordinator's list, without a window. */
class RiskReasonViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    Unit unit;
    RiskTemplate template;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        template = ctx.riskService().templates().stream().filter(t -> t.kind() == AnalysisKind.RISKANALYS)
                .findFirst().orElseThrow();
        assertThat(ctx.lists().add(ListKind.RISK_REASON, "NY_LAGSTIFTNING", "Ny lagstiftning").ok()).isTrue();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private RiskEditorViewModel editor() {
        return new RiskEditorViewModel(FeatureContexts.risk(ctx), ctx.riskService(), new SyncTaskRunner(), dialogs,
                new I18n(Locale.of("sv")), () -> { });
    }

    private long reasonId(String code) {
        return ctx.lists().entries(ListKind.RISK_REASON).stream().filter(e -> code.equals(e.code())).findFirst()
                .orElseThrow().id();
    }

    @Test
    void aReasonTheCoordinatorAddedIsOfferedStoredAndRetiredReadably() {
        RiskEditorViewModel vm = editor();
        vm.startNew(template, unit);
        assertThat(vm.reasonChoices()).extracting(vm::reasonLabel).containsExactly("Omorganisation", "Nytt arbetssätt",
                "Flytt", "Schemaändring", "Nytt IT-system", "Bemanning", "Annat", "Ny lagstiftning");
        vm.titleProperty().set("Riskanalys inför nya föreskrifter om bemanning");
        vm.triggerProperty().set(vm.reasonChoices().getLast());
        assertThat(vm.saveCommand().execute()).isTrue();
        assertThat(vm.problemsProperty().get()).isEmpty();
        var saved = ctx.riskService().search(new se.kvalitetshjulet.domain.risk.RiskFilter(null, null, null,
                new RiskTrigger("NY_LAGSTIFTNING"), null, false));
        assertThat(saved).singleElement().satisfies(r -> assertThat(r.title()).startsWith("Riskanalys inför nya"));
        long analysisId = saved.getFirst().id();
        assertThat(ctx.lists().usage(ListKind.RISK_REASON, reasonId("NY_LAGSTIFTNING"))).isEqualTo(1);

        // retired: still on the old analysis (marked), not offered for a new one, and saving the old one keeps it
        assertThat(ctx.lists().setActive(ListKind.RISK_REASON, reasonId("NY_LAGSTIFTNING"), false).ok()).isTrue();
        RiskEditorViewModel old = editor();
        old.load(analysisId);
        assertThat(old.triggerProperty().get().code()).isEqualTo("NY_LAGSTIFTNING");
        assertThat(old.reasonLabel(old.triggerProperty().get())).isEqualTo("Ny lagstiftning (utgått)");
        old.participantsProperty().set("Enhetschef, två undersköterskor");
        assertThat(old.saveCommand().execute()).isTrue();
        assertThat(old.problemsProperty().get()).isEmpty();
        assertThat(ctx.riskService().find(analysisId).orElseThrow().trigger().code()).isEqualTo("NY_LAGSTIFTNING");

        RiskEditorViewModel fresh = editor();
        fresh.startNew(template, unit);
        assertThat(fresh.reasonChoices()).extracting(RiskTrigger::code).doesNotContain("NY_LAGSTIFTNING");
        var again = ctx.riskService().save(ctx.riskService().find(analysisId).orElseThrow(), false);
        assertThat(again.ok()).isTrue();
        var draft = se.kvalitetshjulet.domain.risk.RiskAnalysis.newDraft(template, unit.id(), TestDb.TODAY);
        var refused = ctx.riskService().save(new se.kvalitetshjulet.domain.risk.RiskAnalysis(null, draft.templateId(),
                draft.kind(), draft.status(), "Ny analys", draft.level(), unit.id(), new RiskTrigger("NY_LAGSTIFTNING"),
                TestDb.TODAY, "", "", "", "", null, null, null, null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), java.util.List.of()), false);
        assertThat(refused.problems()).extracting(p -> p.messageKey()).contains("risk.validation.reasonRetired");
        assertThat(dialogs.unexpected).isEmpty();
    }
}
