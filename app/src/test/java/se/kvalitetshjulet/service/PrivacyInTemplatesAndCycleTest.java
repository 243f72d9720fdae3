package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.cycle.AnnualActivity;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.RiskTemplate;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.FindingRule;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.domain.selfcheck.TemplateSection;

/**
 * Issue 13, "every free text is checked before it is stored", for the texts that are not about a case: self-check
 * and risk templates, the årshjul and Bilaga 2. Under "refuse" for their kind of text a personnummer or a name is not
 * stored; under "warn" the service stores (the screen has asked).
 */
class PrivacyInTemplatesAndCycleTest {
    private static final String IDENTIFYING = "19121212-1212 Anna Svensson";

    @TempDir
    Path dir;

    private static void policy(AppContext ctx, TextKind kind, Mode mode) {
        ctx.privacy().savePolicy(ctx.privacy().policy().with(kind, mode));
    }

    @Test
    void anAnnualActivityWithANameIsRefusedUnderRefuseAndStoredUnderWarn() {
        try (AppContext ctx = TestDb.open(dir)) {
            AnnualActivity a = new AnnualActivity(null, "Uppföljning med " + IDENTIFYING, "Genomgång av rutinen", 3, 15,
                    true, null, true);
            policy(ctx, TextKind.QUALITY_PLAN, Mode.REFUSE);
            var refused = ctx.annualCycleService().save(a);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems()).extracting(p -> p.messageKey()).contains("privacy.refused");
            assertThat(ctx.annualCycleService().occurrences(2026))
                    .noneMatch(o -> o.activity().title().contains("Anna Svensson"));

            policy(ctx, TextKind.QUALITY_PLAN, Mode.WARN);
            assertThat(ctx.annualCycleService().save(a).ok()).isTrue();
            assertThat(ctx.annualCycleService().occurrences(2026))
                    .anyMatch(o -> o.activity().title().contains("Anna Svensson"));
        }
    }

    @Test
    void aSelfCheckTemplateWithAPersonnummerInAQuestionIsNotSavedUnderRefuse() {
        try (AppContext ctx = TestDb.open(dir)) {
            Template t = Template.draft("Basala hygienrutiner", null, List.of(new TemplateSection(null, "Rutiner",
                    List.of(new Question(null, "q1", "Har " + IDENTIFYING + " gått utbildningen?", AnswerType.YES_NO,
                            true, null, null, List.of(), FindingRule.NO_OR_PARTLY)))));
            policy(ctx, TextKind.SELF_CHECK, Mode.REFUSE);
            var refused = ctx.selfChecks().saveTemplate(t);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems()).extracting(p -> p.messageKey()).contains("privacy.refusedComment");
            assertThat(ctx.selfChecks().templates()).noneMatch(x -> x.name().equals("Basala hygienrutiner"));

            policy(ctx, TextKind.SELF_CHECK, Mode.WARN);
            assertThat(ctx.selfChecks().saveTemplate(t).ok()).isTrue();
        }
    }

    @Test
    void aRiskTemplateWithANameInAStepIsNotSavedUnderRefuse() {
        try (AppContext ctx = TestDb.open(dir)) {
            RiskTemplate t = new RiskTemplate(null, "Egen riskanalys", AnalysisKind.RISKANALYS,
                    List.of("Beskriv processen", "Fråga " + IDENTIFYING + " om rutinen"), RiskMatrix.socialstyrelsen4x4(),
                    true);
            policy(ctx, TextKind.RISK_ANALYSIS, Mode.REFUSE);
            var refused = ctx.riskService().saveTemplate(t);
            assertThat(refused.ok()).isFalse();
            assertThat(ctx.riskService().templates()).noneMatch(x -> x.name().equals("Egen riskanalys"));

            policy(ctx, TextKind.RISK_ANALYSIS, Mode.WARN);
            assertThat(ctx.riskService().saveTemplate(t).ok()).isTrue();
        }
    }

    @Test
    void bilaga2RefusesANameUnderRefuseForReportTexts() {
        try (AppContext ctx = TestDb.demo(dir)) {
            var round = ctx.selfChecks().rounds().getFirst().round();
            long response = ctx.selfChecks().responses(round.id(), null).getFirst().id();
            policy(ctx, TextKind.REPORT, Mode.REFUSE);
            assertThat(ctx.bilaga2().save(response, round.id(), null, "Samtal med Anna Svensson", null).ok()).isFalse();
            policy(ctx, TextKind.REPORT, Mode.WARN);
            assertThat(ctx.bilaga2().save(response, round.id(), null, "Samtal med Anna Svensson", null).ok()).isTrue();
            // an identity number is refused whatever the policy: Bilaga 2 goes to the board
            assertThat(ctx.bilaga2().save(response, round.id(), null, "Gäller 19121212-1212", null).ok()).isFalse();
        }
    }
}
