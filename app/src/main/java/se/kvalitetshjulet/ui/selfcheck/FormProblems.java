package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.beans.property.StringProperty;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.service.PrivacyService;
import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel.QuestionItem;

/**
 * What is wrong with the open form, said twice: at each question it concerns and as a list above the form — the
 * rules a submit broke, and under "refuse" the comments a draft did not store (decision 0018).
 */
final class FormProblems {
    private final I18n i18n;
    private final List<QuestionItem> items;
    private final StringProperty formProblems;
    private final Set<Long> heldBackIds = new HashSet<>();
    private String heldBackMessage;

    FormProblems(I18n i18n, List<QuestionItem> items, StringProperty formProblems) {
        this.i18n = i18n;
        this.items = items;
        this.formProblems = formProblems;
    }

    /** The rules a submit broke, each at its question and all in the list. */
    void showRules(List<Problem> problems) {
        ruleByQuestion.clear();
        ruleOther.clear();
        for (Problem p : problems) {
            String text = i18n.problem(p);
            var at = items.stream().filter(i -> p.field().equals("q" + i.question().id())).findFirst();
            at.ifPresent(i -> i.problemProperty().set(text));
            if (at.isPresent()) {
                ruleByQuestion.put(at.get().question().id(), text);
            } else {
                ruleOther.add(text);
            }
        }
        showRuleList();
    }

    /** h2 (issue 18): the broken rules of the last submit still standing, question by question. */
    private final Map<Long, String> ruleByQuestion = new java.util.LinkedHashMap<>();
    private final List<String> ruleOther = new ArrayList<>();

    /** An answer was given: its question's red line goes, and the list counts what is left (nothing: it goes too). */
    void answered(QuestionItem item) {
        if (ruleByQuestion.remove(item.question().id()) != null) {
            item.problemProperty().set("");
            showRuleList();
        }
    }

    private void showRuleList() {
        List<String> lines = new ArrayList<>(ruleByQuestion.values());
        lines.addAll(ruleOther);
        formProblems.set(lines.isEmpty() ? "" : i18n.get("selfcheck.form.problemsIntro", lines.size()) + "\n"
                + lines.stream().map(l -> "• " + l).collect(Collectors.joining("\n")));
    }

    /** Under "refuse": which comments the draft did not store; clears what an earlier draft held back and this one did not. */
    void showHeldBack(List<SelfCheckService.CommentFinding> heldBack) {
        Map<Long, String> byQuestion = new HashMap<>();
        for (var f : heldBack) {
            byQuestion.put(f.questionId(), i18n.get("privacy.refusedComment", f.questionText(),
                    PrivacyService.summary(f.findings())));
        }
        for (QuestionItem i : items) {
            String text = byQuestion.get(i.question().id());
            if (text != null) {
                i.problemProperty().set(text);
            } else if (heldBackIds.contains(i.question().id())) {
                i.problemProperty().set("");
            }
        }
        heldBackIds.clear();
        heldBackIds.addAll(byQuestion.keySet());
        if (!heldBack.isEmpty()) {
            var first = heldBack.getFirst();
            heldBackMessage = i18n.get("privacy.q.draftHeldBack", heldBack.size(), first.questionText(),
                    PrivacyService.summary(first.findings()));
            formProblems.set(heldBackMessage);
        } else if (heldBackMessage != null && heldBackMessage.equals(formProblems.get())) {
            formProblems.set("");
            heldBackMessage = null;
        }
    }
}
