package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Issue 18: submitting a self-check asks once – "Lämna in" or "Avbryt" – and names the optional questions left open
 * by their number in the form; "Avbryt" submits nothing; a required question left open is refused without asking.
 */
class SubmitQuestionViewModelTest {
    @TempDir
    Path dir;
    private AppContext ctx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private ResponseRow row;

    @BeforeEach
    void form() {
        ctx = TestDb.open(dir);
        Unit enhet = ctx.units().save(new Unit(null, null, "Vård- och omsorgsboende Ekbacken", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null));
        ctx.units().save(new Unit(null, enhet.id(), "Avdelning 2", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                null, null, null));
        List<Question> qs = new ArrayList<>();
        String[] texts = {"Finns en aktuell rutin för läkemedel?", "Är signeringslistorna kompletta?",
                "Har ni haft läkemedelsgenomgång i år?", "Används dosdispensering?", "Finns rutin för vid behov-läkemedel?"};
        boolean[] required = {true, false, true, false, false};
        for (int i = 0; i < texts.length; i++) {
            qs.add(new Question(null, "q" + i, texts[i], AnswerType.YES_NO, required[i], null, null, List.of(),
                    FindingRule.NO_OR_PARTLY));
        }
        Template t = ctx.selfChecks().saveTemplate(Template.draft("Läkemedel", null,
                List.of(new TemplateSection(null, "Läkemedelshantering", qs)))).value();
        ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, false));
        row = ctx.selfChecks().rounds().stream().flatMap(r -> ctx.selfChecks().responses(r.round().id(), null).stream())
                .findFirst().orElseThrow();
    }

    private SelfCheckFormViewModel open() {
        SelfCheckViewModel vm = new SelfCheckViewModel(FeatureContexts.selfcheck(ctx), new SyncTaskRunner(), dialogs,
                new I18n(Locale.of("sv")));
        vm.refresh();
        vm.form().open(row.id());
        return vm.form();
    }

    @Test
    void asksOnceNamingTheOpenOptionalQuestionsAndAvbrytSubmitsNothing() {
        SelfCheckFormViewModel form = open();
        form.items().get(0).valueProperty().set("JA");
        form.items().get(2).valueProperty().set("NEJ");
        form.items().get(3).valueProperty().set("JA");

        dialogs.confirmAnswer = false;
        assertThat(form.submitCommand().execute()).isTrue();
        assertThat(dialogs.confirmLabels).containsExactly(List.of("Lämna in", "Avbryt"));
        assertThat(dialogs.confirms).containsExactly("""
                Lämna in egenkontrollen? Den låses när den lämnats in.

                2 frivilliga frågor är obesvarade:
                • 2. Är signeringslistorna kompletta?
                • 5. Finns rutin för vid behov-läkemedel?""");
        assertThat(ctx.selfChecks().open(row.id()).response().status()).isNotEqualTo(ResponseStatus.SUBMITTED);
        assertThat(form.lockedProperty().get()).isFalse();

        form.items().get(1).valueProperty().set("JA");
        dialogs.confirmAnswer = true;
        assertThat(form.submitCommand().execute()).isTrue();
        assertThat(dialogs.confirms).hasSize(2);
        assertThat(dialogs.confirms.get(1)).endsWith("""
                1 frivillig fråga är obesvarad:
                • 5. Finns rutin för vid behov-läkemedel?""");
        assertThat(ctx.selfChecks().open(row.id()).response().status()).isEqualTo(ResponseStatus.SUBMITTED);
        assertThat(ctx.selfChecks().open(row.id()).answers().get(form.items().get(2).question().id()).value()).isEqualTo("NEJ");
        assertThat(form.lockedProperty().get()).isTrue();
        assertThat(dialogs.infos).anyMatch(m -> m.contains("inskickad och låst"));
    }

    @Test
    void aRequiredQuestionLeftOpenIsRefusedWithoutAsking() {
        SelfCheckFormViewModel form = open();
        form.items().get(0).valueProperty().set("JA");
        assertThat(form.submitCommand().execute()).isTrue();
        assertThat(dialogs.confirms).as("nothing to confirm while it cannot be submitted").isEmpty();
        assertThat(form.items().get(2).problemProperty().get()).contains("måste besvaras");
        assertThat(ctx.selfChecks().open(row.id()).response().status()).isEqualTo(ResponseStatus.DRAFT);
    }
}
