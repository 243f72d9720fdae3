package se.kvalitetshjulet.service;

import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;

/**
 * Self-check comments go through the one privacy check in the service (issue 13): the findings are there for the
 * form to show before submitting; under "refuse" a comment with "19121212-1212 Anna Svensson" is not locked in.
 */
class SelfCheckPrivacyTest {
    @TempDir
    Path dir;

    private static Question byKey(Template t, String key) {
        return t.questions().filter(q -> q.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aCommentWithAnIdentityNumberAndANameIsFoundAndUnderRefuseNotSubmitted() {
        try (AppContext ctx = TestDb.open(dir)) {
            Unit enhet = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            ctx.units().save(new Unit(null, enhet.id(), "Sektion A", OrgLevel.SEKTION, null, ProviderKind.KOMMUNAL,
                    null, null, null));
            Template t = ctx.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
            Round r = ctx.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
            long response = ctx.selfChecks().responses(r.id(), null).getFirst().id();
            List<Answer> answers = new ArrayList<>();
            answers.add(new Answer(null, byKey(t, "ppm_datum").id(), "2026-02-20", null));
            answers.add(new Answer(null, byKey(t, "ppm_andel").id(), "90", null));
            answers.add(new Answer(null, byKey(t, "klader").id(), "NEJ", "19121212-1212 Anna Svensson bar ring"));
            answers.add(new Answer(null, byKey(t, "smycken").id(), "JA", null));
            answers.add(new Answer(null, byKey(t, "ombud").id(), "JA", null));
            answers.add(new Answer(null, byKey(t, "intro").id(), "Webbutbildning", null));

            var findings = ctx.selfChecks().commentFindings(t.id(), answers);
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.questionId()).isEqualTo(byKey(t, "klader").id());
                assertThat(f.findings()).extracting(x -> x.text()).containsExactly("19121212-1212", "Anna Svensson");
            });

            ctx.privacy().savePolicy(PrivacyPolicy.warnEverywhere().with(PrivacyPolicy.TextKind.SELF_CHECK,
                    PrivacyPolicy.Mode.REFUSE));
            var refused = ctx.selfChecks().submit(response, answers);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.problems()).extracting(Problem::messageKey).containsExactly("privacy.refusedComment");
            assertThat(ctx.selfChecks().responses(r.id(), null).getFirst().status()).isNotEqualTo(ResponseStatus.SUBMITTED);

            answers.set(2, new Answer(null, byKey(t, "klader").id(), "NEJ", "En medarbetare bar ring"));
            assertThat(ctx.selfChecks().submit(response, answers).ok()).isTrue();
        }
    }
}
