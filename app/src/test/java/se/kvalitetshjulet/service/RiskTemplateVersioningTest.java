package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.risk.RiskTrigger;
import se.kvalitetshjulet.domain.risk.ScoreBand;

/**
 * An analysis stores only its template's id and reads the matrix from the template: editing a template that analyses
 * use must never change their scores or bands. The edit becomes a new template and the old one is retired.
 */
class RiskTemplateVersioningTest {
    @TempDir
    Path dir;
    AppContext ctx;
    RiskService service;
    Unit unit;
    RiskTemplate fourByFour;
    long analysisId;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        service = ctx.riskService();
        unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        fourByFour = service.templates().stream()
                .filter(t -> t.kind() == AnalysisKind.RISKANALYS && t.matrix().size() == 4).findFirst().orElseThrow();
        RiskAnalysis draft = RiskAnalysis.newDraft(fourByFour, unit.id(), TestDb.TODAY);
        RiskAnalysis a = new RiskAnalysis(null, fourByFour.id(), AnalysisKind.RISKANALYS, AnalysisStatus.UTKAST,
                "Riskanalys inför flytt av larmcentralen", AnalysisLevel.ENHET, unit.id(), RiskTrigger.FLYTT, TestDb.TODAY,
                "Enhetschef", "", "Inga åtgärder: riskerna bedöms hanterade av befintliga rutiner.", "", null, null, null,
                null, List.of(new Risk(null, "Larm tappas under flytten", "", "", 3, 4, null, null),
                        new Risk(null, "Nycklar kommer bort", "", "", 2, 2, null, null)),
                draft.steps(), List.of(), List.of(), List.of());
        RiskAnalysis saved = service.save(a, false).value();
        SaveResult<RiskAnalysis> decided = service.decide(saved, "Avdelningschef");
        assertThat(decided.ok()).as(String.valueOf(decided.problems())).isTrue();
        analysisId = decided.value().id();
    }

    /** What a reader of the finished analysis sees: the matrix size and the band and colour of each risk. */
    private List<String> scoresAsShown() {
        RiskReport report = service.report(analysisId);
        RiskMatrix m = report.template().matrix();
        return report.analysis().risks().stream().map(r -> {
            ScoreBand b = m.band(m.score(r.probability(), r.consequence()));
            return m.size() + "x" + m.size() + " " + r.description() + ": " + m.score(r.probability(), r.consequence())
                    + " " + b.label() + " " + b.colour();
        }).toList();
    }

    @Test
    void aFinishedAnalysisKeepsItsFourByFourScoresWhenTemplatesAreAddedAndTheTemplateInUseIsEdited() {
        List<String> before = scoresAsShown();
        assertThat(before).containsExactly("4x4 Larm tappas under flytten: 12 Mycket hög #e53935",
                "4x4 Nycklar kommer bort: 4 Medel #ffeb3b");

        // A new 5×5 template is created next to it.
        SaveResult<RiskTemplate> five = service.saveTemplate(new RiskTemplate(null, "Egen riskanalys 5×5",
                AnalysisKind.RISKANALYS, RiskTemplate.RISK_STEPS, RiskMatrix.fiveByFive(), true));
        assertThat(five.ok()).as(String.valueOf(five.problems())).isTrue();
        assertThat(scoresAsShown()).isEqualTo(before);

        // The template in use is edited into a 5×5 matrix with other bands: it becomes a new template.
        RiskMatrix other = new RiskMatrix(5, RiskMatrix.fiveByFive().probabilities(), RiskMatrix.fiveByFive().consequences(),
                List.of(new ScoreBand("LAG", "Grön", 1, 12, "#00aa00"), new ScoreBand("HOG", "Röd", 13, 25, "#aa0000")));
        SaveResult<RiskTemplate> edited = service.saveTemplate(new RiskTemplate(fourByFour.id(), fourByFour.name(),
                fourByFour.kind(), fourByFour.steps(), other, true));
        assertThat(edited.ok()).as(String.valueOf(edited.problems())).isTrue();
        assertThat(edited.value().id()).isNotEqualTo(fourByFour.id());
        assertThat(edited.value().name()).isEqualTo(fourByFour.name() + " (version 2)");
        assertThat(edited.value().matrix()).isEqualTo(other);

        assertThat(scoresAsShown()).as("the decided analysis still shows its 4×4 scores and bands").isEqualTo(before);
        assertThat(service.validate(service.find(analysisId).orElseThrow())).isEmpty();
        RiskTemplate old = service.template(fourByFour.id());
        assertThat(old.matrix()).isEqualTo(RiskMatrix.socialstyrelsen4x4());
        assertThat(old.name()).isEqualTo(fourByFour.name());
        assertThat(old.active()).as("the replaced template is no longer offered for new analyses").isFalse();
        assertThat(service.templates().stream().filter(RiskTemplate::active).map(RiskTemplate::name))
                .contains(fourByFour.name() + " (version 2)", "Egen riskanalys 5×5")
                .doesNotContain(fourByFour.name());

        // Editing it again makes version 3; the analysis is still untouched.
        SaveResult<RiskTemplate> again = service.saveTemplate(new RiskTemplate(fourByFour.id(), fourByFour.name(),
                fourByFour.kind(), List.of("Kartlägg", "Bedöm"), RiskMatrix.socialstyrelsen4x4(), true));
        assertThat(again.value().name()).isEqualTo(fourByFour.name() + " (version 3)");
        assertThat(scoresAsShown()).isEqualTo(before);
    }

    @Test
    void aTemplateNoAnalysisUsesIsChangedInPlaceAndNamesStayUnique() {
        RiskTemplate five = service.saveTemplate(new RiskTemplate(null, "Egen riskanalys 5×5", AnalysisKind.RISKANALYS,
                RiskTemplate.RISK_STEPS, RiskMatrix.fiveByFive(), true)).value();
        SaveResult<RiskTemplate> renamed = service.saveTemplate(new RiskTemplate(five.id(), "Riskanalys 5×5 (egen)",
                five.kind(), List.of("Kartlägg processen", "Bedöm"), five.matrix(), true));
        assertThat(renamed.value().id()).isEqualTo(five.id());
        assertThat(service.template(five.id()).steps()).containsExactly("Kartlägg processen", "Bedöm");

        SaveResult<RiskTemplate> clash = service.saveTemplate(new RiskTemplate(null, "Riskanalys 5×5 (egen)",
                AnalysisKind.RISKANALYS, RiskTemplate.RISK_STEPS, RiskMatrix.fiveByFive(), true));
        assertThat(clash.ok()).isFalse();
        assertThat(clash.problems()).extracting(Problem::messageKey).containsExactly("risk.template.validation.nameTaken");

        // Switching the template in use off and on again changes nothing an analysis reads: done in place.
        SaveResult<RiskTemplate> off = service.saveTemplate(new RiskTemplate(fourByFour.id(), fourByFour.name(),
                fourByFour.kind(), fourByFour.steps(), fourByFour.matrix(), false));
        assertThat(off.value().id()).isEqualTo(fourByFour.id());
        assertThat(service.template(fourByFour.id()).active()).isFalse();
        assertThat(service.templateUsage()).containsEntry(fourByFour.id(), 1);
    }
}
