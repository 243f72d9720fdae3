package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A field's text with the privacy check's findings highlighted in place (for {@link FxDialogService#askPrivacy}).
 * A long text shows only the passages around the findings, joined by "…".
 */
final class PrivacyHighlight {
    /** Characters shown on each side of a finding when the text is long. */
    private static final int CONTEXT = 60;
    private static final int SHORT = 400;

    private PrivacyHighlight() {
    }

    static TextFlow flow(String text, List<PrivacyQuestion.Hit> hits) {
        List<PrivacyQuestion.Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt(PrivacyQuestion.Hit::start));
        List<int[]> shown = new ArrayList<>();
        if (text.length() <= SHORT) {
            shown.add(new int[] {0, text.length()});
        } else {
            for (PrivacyQuestion.Hit h : sorted) {
                int from = Math.max(0, h.start() - CONTEXT);
                int to = Math.min(text.length(), h.end() + CONTEXT);
                if (!shown.isEmpty() && from <= shown.getLast()[1]) {
                    shown.getLast()[1] = Math.max(shown.getLast()[1], to);
                } else {
                    shown.add(new int[] {from, to});
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (int[] part : shown) {
            if (part[0] > 0) {
                nodes.add(new Text("…"));
            }
            int pos = part[0];
            for (PrivacyQuestion.Hit h : sorted) {
                if (h.start() < pos || h.end() > part[1]) {
                    continue;
                }
                nodes.add(new Text(text.substring(pos, h.start())));
                Label mark = new Label(text.substring(h.start(), h.end()));
                mark.getStyleClass().add("privacy-hit");
                mark.setStyle("-fx-background-color: #ffe08a; -fx-font-weight: bold; -fx-padding: 0 2 0 2;");
                nodes.add(mark);
                pos = h.end();
            }
            nodes.add(new Text(text.substring(pos, part[1])));
            if (part[1] < text.length()) {
                nodes.add(new Text("…"));
            }
        }
        TextFlow flow = new TextFlow(nodes.toArray(Node[]::new));
        flow.getStyleClass().add("privacy-highlight");
        flow.setMaxWidth(540);
        return flow;
    }
}
