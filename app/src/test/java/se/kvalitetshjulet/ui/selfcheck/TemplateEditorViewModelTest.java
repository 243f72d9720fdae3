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
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The self-check template editor without windows: validation in Swedish, saving, versions of frozen templates. */
class TemplateEditorViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final List<Template> savedCallbacks = new ArrayList<>();
    TemplateEditorViewModel vm;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        vm = new TemplateEditorViewModel(ctx.selfChecks(), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")),
                savedCallbacks::add);
    }

    private TemplateQuestionItem addQuestion(String text, AnswerType type) {
        assertThat(vm.addQuestionCommand().execute()).isTrue();
        TemplateQuestionItem q = vm.selectedQuestionProperty().get();
        q.typeProperty().set(type);
        q.textProperty().set(text);
        return q;
    }

    @Test
    void problemsAreShownInSwedishAndNothingIsSavedUntilTheyAreFixed() {
        vm.startNew();
        assertThat(vm.problems()).contains("Ge mallen ett namn.", "Mallen måste ha minst en fråga.",
                "Avsnittet ”Avsnitt 1” har inga frågor. Lägg till en fråga eller ta bort avsnittet.");

        vm.nameProperty().set("Basala hygienrutiner");
        TemplateQuestionItem empty = addQuestion("", AnswerType.YES_NO);
        assertThat(vm.problems()).containsExactly("En fråga i avsnittet ”Avsnitt 1” saknar frågetext.");
        empty.textProperty().set("Följer personalen basala hygienrutiner?");

        TemplateQuestionItem choice = addQuestion("Vilka skyddskläder finns?", AnswerType.MULTIPLE_CHOICE);
        assertThat(vm.problems()).containsExactly("Frågan ”Vilka skyddskläder finns?” behöver minst två svarsalternativ.");
        choice.optionsTextProperty().set("Förkläde\nHandskar\nhandskar\nVisir; skyddsglasögon");
        assertThat(vm.problems()).containsExactly(
                "Frågan ”Vilka skyddskläder finns?” har alternativet ”handskar” mer än en gång.",
                "Alternativet ”Visir; skyddsglasögon” får inte innehålla tecknen | eller ;.");
        choice.optionsTextProperty().set("Förkläde\nHandskar\nVisir");

        TemplateQuestionItem percent = addQuestion("Andel som följer rutinen", AnswerType.PERCENTAGE);
        percent.belowProperty().set("åttio");
        assertThat(vm.problems()).containsExactly("Gränsen ”åttio” för frågan ”Andel som följer rutinen” är inget tal.");
        percent.belowProperty().set("120");
        assertThat(vm.problems()).containsExactly("Gränserna för frågan ”Andel som följer rutinen” ska ligga mellan 0 och 100 %.");
        percent.belowProperty().set("80");
        percent.aboveProperty().set("50");
        assertThat(vm.problems()).containsExactly("För frågan ”Andel som följer rutinen” måste den nedre gränsen vara mindre än den övre.");
        percent.aboveProperty().set("");

        percent.keyProperty().set(choice.keyProperty().get());
        assertThat(vm.problems()).containsExactly("Frågan ”Andel som följer rutinen” saknar en unik nyckel.");

        vm.saveCommand().execute();
        assertThat(vm.saveStateProperty().get()).isEqualTo("Mallen sparades inte: rätta 1 fel först.");
        assertThat(ctx.selfChecks().templates()).isEmpty();
        assertThat(savedCallbacks).isEmpty();

        percent.keyProperty().set("andel-rutin");
        assertThat(vm.problems()).isEmpty();
        vm.saveCommand().execute();
        assertThat(ctx.selfChecks().templates()).extracting(Template::name).containsExactly("Basala hygienrutiner");
    }

    @Test
    void aNewTemplateWithTwoSectionsIsSavedWithFriendlyFindingRules() {
        vm.startNew();
        vm.nameProperty().set("Lex Sarah och dokumentation");
        vm.descriptionProperty().set("Höstens egenkontroll");
        vm.selectedSectionProperty().get().titleProperty().set("Rutiner");
        TemplateQuestionItem yesNo = addQuestion("Känner all personal till rutinen för lex Sarah?", AnswerType.YES_NO);
        assertThat(yesNo.findingValues()).as("nej and delvis are findings by default").containsExactlyInAnyOrder("NEJ", "DELVIS");
        yesNo.findingValues().remove("DELVIS");
        yesNo.referenceProperty().set("SOSFS 2011:9 5 kap.");
        yesNo.helpTextProperty().set("Gäller även vikarier.");
        TemplateQuestionItem choice = addQuestion("Hur informeras nyanställda?", AnswerType.SINGLE_CHOICE);
        choice.optionsTextProperty().set("Introduktion\nSkriftligt\nInte alls");
        choice.findingValues().add("Inte alls");
        choice.requiredProperty().set(false);

        assertThat(vm.addSectionCommand().execute()).isTrue();
        vm.selectedSectionProperty().get().titleProperty().set("Dokumentation");
        TemplateQuestionItem percent = addQuestion("Andel med aktuell genomförandeplan", AnswerType.PERCENTAGE);
        percent.belowProperty().set("80,5");
        addQuestion("Datum för senaste logguppföljning", AnswerType.DATE);
        TemplateQuestionItem text = addQuestion("Kommentar", AnswerType.TEXT);
        text.requiredProperty().set(false);
        assertThat(vm.dirtyProperty().get()).isTrue();

        assertThat(vm.saveCommand().execute()).isTrue();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(savedCallbacks).hasSize(1);
        Template saved = ctx.selfChecks().template(savedCallbacks.getFirst().id());
        assertThat(saved.description()).isEqualTo("Höstens egenkontroll");
        assertThat(saved.sections()).extracting(TemplateSection::title).containsExactly("Rutiner", "Dokumentation");
        List<Question> qs = saved.questions().toList();
        assertThat(qs).extracting(Question::type).containsExactly(AnswerType.YES_NO, AnswerType.SINGLE_CHOICE,
                AnswerType.PERCENTAGE, AnswerType.DATE, AnswerType.TEXT);
        assertThat(qs.get(0).key()).isEqualTo("kanner-all-personal-till-rutinen-for-lex");
        assertThat(qs.get(0).reference()).isEqualTo("SOSFS 2011:9 5 kap.");
        assertThat(qs.get(0).isFinding("NEJ")).isTrue();
        assertThat(qs.get(0).isFinding("DELVIS")).isFalse();
        assertThat(qs.get(1).options()).containsExactly("Introduktion", "Skriftligt", "Inte alls");
        assertThat(qs.get(1).isFinding("Inte alls")).isTrue();
        assertThat(qs.get(1).required()).isFalse();
        assertThat(qs.get(2).findingRule()).isEqualTo(new FindingRule(java.util.Set.of(), 80.5, null));
        assertThat(qs.get(2).isFinding("79")).isTrue();
        assertThat(qs.get(2).isFinding("81")).isFalse();
        assertThat(qs.get(3).findingRule().isNone()).isTrue();
    }

    @Test
    void sectionsAndQuestionsMoveAndFindingsFollowTheOptions() {
        vm.startNew();
        vm.nameProperty().set("Ordning");
        TemplateQuestionItem a = addQuestion("A", AnswerType.YES_NO);
        TemplateQuestionItem b = addQuestion("B", AnswerType.YES_NO);
        assertThat(vm.sections().getFirst().questions()).containsExactly(a, b);
        assertThat(vm.questionDownCommand().isExecutable()).isFalse();
        vm.questionUpCommand().execute();
        assertThat(vm.sections().getFirst().questions()).containsExactly(b, a);
        vm.addSectionCommand().execute();
        vm.selectedSectionProperty().get().titleProperty().set("Andra");
        addQuestion("C", AnswerType.NUMBER);
        vm.sectionUpCommand().execute();
        assertThat(vm.sections()).extracting(s -> s.titleProperty().get()).containsExactly("Andra", "Avsnitt 1");

        TemplateQuestionItem choice = addQuestion("Val", AnswerType.SINGLE_CHOICE);
        choice.optionsTextProperty().set("Ett\nTvå\nTre");
        choice.findingValues().addAll(List.of("Två", "Tre"));
        choice.optionsTextProperty().set("Ett\nTvå");
        assertThat(choice.findingValues()).containsExactly("Två");
        choice.typeProperty().set(AnswerType.YES_NO);
        assertThat(choice.findingValues()).isEmpty();

        vm.removeQuestionCommand().execute();
        assertThat(vm.sections().getFirst().questions()).extracting(q -> q.textProperty().get()).containsExactly("C");

        // A section with questions is removed only when the user agrees.
        dialogs.confirmAnswer = false;
        vm.removeSectionCommand().execute();
        assertThat(vm.sections()).hasSize(2);
        dialogs.confirmAnswer = true;
        vm.removeSectionCommand().execute();
        assertThat(vm.sections()).extracting(s -> s.titleProperty().get()).containsExactly("Avsnitt 1");

        // Closing with unsaved changes asks first.
        dialogs.confirmAnswer = false;
        assertThat(vm.confirmClose()).isFalse();
        vm.saveCommand().execute();
        assertThat(vm.confirmClose()).isTrue();
    }

    @Test
    void editingAFrozenTemplateSavesVersionTwoAndTheRoundKeepsVersionOne() {
        ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null));
        Template v1 = ctx.selfChecks().saveTemplate(Template.draft("Lex Sarah", null, List.of(new TemplateSection(null,
                "Rutiner", List.of(new Question(null, "kand", "Känner personalen till rutinen?", AnswerType.YES_NO, true,
                        null, null, List.of(), FindingRule.NO_OR_PARTLY)))))).value();
        Round round = ctx.selfChecks().createRound(Round.standard(v1.name(), v1.id(), 2026, false)).value();
        Template frozen = ctx.selfChecks().template(v1.id());

        vm.edit(frozen);
        assertThat(vm.frozenNoticeProperty().get()).contains("används redan i en omgång").contains("version 2")
                .contains("behåller den");
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.selectedQuestionProperty().get().textProperty().set("Känner all personal, även vikarier, till rutinen?");
        vm.saveCommand().execute();

        assertThat(dialogs.infos).containsExactly(
                "Mallen används i en omgång och ändrades därför inte. Ändringen sparades som version 2.");
        Template v2 = savedCallbacks.getFirst();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.familyId()).isEqualTo(v1.familyId());
        assertThat(v2.questions().findFirst().orElseThrow().key()).as("the key stays for comparisons").isEqualTo("kand");
        assertThat(ctx.selfChecks().history(v1.familyId())).hasSize(2);
        Template roundTemplate = ctx.selfChecks().template(ctx.selfChecks().round(round.id()).templateId());
        assertThat(roundTemplate.version()).isEqualTo(1);
        assertThat(roundTemplate.questions().findFirst().orElseThrow().text()).isEqualTo("Känner personalen till rutinen?");
        assertThat(vm.frozenNoticeProperty().get()).as("the editor now edits version 2, not yet used").isEmpty();
        assertThat(vm.headingProperty().get()).contains("(v2)");
    }
}
