package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel.QuestionItem;

/**
 * The one question before a self-check is submitted (issue 18): "Lämna in egenkontrollen? Den låses när den lämnats
 * in." and, when there are any, the optional questions left unanswered by their number in the form and their text.
 */
final class SubmitQuestion {
    /** At most this many unanswered questions are listed by name; the rest are counted. */
    static final int LISTED = 10;

    private SubmitQuestion() {
    }

    static String message(I18n i18n, List<QuestionItem> items) {
        List<String> open = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            QuestionItem item = items.get(i);
            String v = item.valueProperty().get();
            if (!item.question().required() && (v == null || v.isBlank())) {
                open.add(i18n.get("h1.submit.numbered", i + 1, item.question().text()));
            }
        }
        StringBuilder text = new StringBuilder(i18n.get("h1.submit.question"));
        if (!open.isEmpty()) {
            text.append("\n\n").append(open.size() == 1 ? i18n.get("h1.submit.optionalOne")
                    : i18n.get("h1.submit.optionalMany", open.size()));
            for (String line : open.subList(0, Math.min(LISTED, open.size()))) {
                text.append("\n• ").append(line);
            }
            if (open.size() > LISTED) {
                text.append("\n").append(i18n.get("h1.submit.more", open.size() - LISTED));
            }
        }
        return text.toString();
    }
}
