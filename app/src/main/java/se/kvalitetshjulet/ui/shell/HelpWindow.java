package se.kvalitetshjulet.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Shortcuts;

/**
 * Help (issue 18): bundled, offline, in the UI language. One topic per screen (what it is for, the legal background
 * in two lines, the three most common tasks), one on run and control charts for non-statisticians, and the shortcut
 * sheet built from {@link Shortcuts#sheet()}. F1 opens the topic of the screen shown; the window stays open beside the
 * app and is reused.
 */
public final class HelpWindow {
    /** The topic that is not a screen: reading run and control charts. */
    public static final String CHARTS = "charts";
    /** The shortcut sheet ("Kortkommandon"). */
    public static final String SHORTCUTS = "shortcuts";

    private static Stage open;
    private static ListView<String> topicList;

    private HelpWindow() {
    }

    /** h1 (issue 18): the editor windows' own topics, opened by F1 in them (EditorWindow.helpTopic). */
    public static final List<String> EDITORS = List.of("deviation-editor", "risk-editor", "selfcheck-template-editor",
            "risk-template-editor");

    /** The topic of a screen. */
    public static String topic(Section s) {
        return s.name().toLowerCase();
    }

    /** Every topic, in the order of the list: the screens as in the navigation, then charts and shortcuts. */
    public static List<String> topics() {
        List<String> out = new ArrayList<>();
        for (Section s : Section.values()) {
            out.add(topic(s));
        }
        out.addAll(EDITORS);
        out.add(CHARTS);
        out.add(SHORTCUTS);
        return out;
    }

    /** Opens help at {@code topic} (or brings the open help window forward at it). */
    public static Stage show(Window owner, I18n i18n, String topic) {
        if (open == null || !open.isShowing()) {
            open = build(owner, i18n);
        }
        topicList.getSelectionModel().select(topic);
        topicList.scrollTo(topic);
        open.show();
        open.toFront();
        return open;
    }

    private static Stage build(Window owner, I18n i18n) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(i18n.get("h4.help.title"));
        ListView<String> list = new ListView<>();
        list.setId("helpTopics");
        list.getItems().setAll(topics());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : title(i18n, t));
            }
        });
        list.setMinWidth(230);
        VBox page = new VBox(10);
        page.setId("helpPage");
        page.setPadding(new Insets(16, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                page.getChildren().setAll(SHORTCUTS.equals(t) ? shortcutSheet(i18n) : render(text(i18n, t)));
                scroll.setVvalue(0);
                stage.setTitle(i18n.get("h4.help.title") + " – " + title(i18n, t));
            }
        });
        SplitPane split = new SplitPane(list, scroll);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(list, false);
        split.setId("helpWindow");
        var size = se.kvalitetshjulet.ui.common.EditorWindow.fitted(980, 700, owner);
        Scene scene = new Scene(split, size.getWidth(), size.getHeight());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getAccelerators().put(Shortcuts.CLOSE, stage::close);
        stage.setScene(scene);
        topicList = list;
        return stage;
    }

    /** The topic's name in the list and the window title: a screen's navigation name, or the topic's own. */
    public static String title(I18n i18n, String topic) {
        return switch (topic) {
            case CHARTS -> i18n.get("h4.help.topic.charts");
            case SHORTCUTS -> i18n.get("h4.help.topic.shortcuts");
            case "deviation-editor", "risk-editor", "selfcheck-template-editor", "risk-template-editor" ->
                    i18n.get("h1.help.topic." + topic);
            default -> i18n.get("nav." + topic);
        };
    }

    /** The bundled text of a topic in the UI language ({@code /help/sv/deviations.txt}). */
    public static String text(I18n i18n, String topic) {
        String lang = "en".equals(i18n.locale().getLanguage()) ? "en" : "sv";
        String path = "/help/" + lang + "/" + topic + ".txt";
        try (InputStream in = HelpWindow.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No help text " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The help text as nodes: "# " the heading, "## " a sub-heading, "1. " and "- " list lines, other lines
     * paragraphs (a blank line between paragraphs).
     */
    static List<Node> render(String text) {
        List<Node> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.matches("^(\\d+\\.|-) .*")) {
                flush(para, out);
            }
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("## ")) {
                out.add(styled(l.substring(3), "h2", null));
            } else if (l.startsWith("# ")) {
                out.add(styled(l.substring(2), "h1", "helpHeading"));
            } else if (l.startsWith("- ")) {
                out.add(styled("•  " + l.substring(2), "help-item", null));
            } else if (l.matches("^\\d+\\. .*")) {
                out.add(styled(l, "help-item", null));
            } else {
                if (para.length() > 0) {
                    para.append(' ');
                }
                para.append(l);
            }
        }
        flush(para, out);
        return out;
    }

    private static void flush(StringBuilder para, List<Node> out) {
        if (para.length() > 0) {
            out.add(styled(para.toString(), "help-text", null));
            para.setLength(0);
        }
    }

    private static Label styled(String text, String style, String id) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    /** "Kortkommandon": the keys of {@link Shortcuts#sheet()}, grouped by where they work. */
    static List<Node> shortcutSheet(I18n i18n) {
        List<Node> out = new ArrayList<>();
        out.add(styled(i18n.get("h4.help.topic.shortcuts"), "h1", "helpHeading"));
        out.add(styled(i18n.get("h4.keys.intro"), "help-text", null));
        Map<Shortcuts.Scope, List<Shortcuts.Entry>> byScope = new LinkedHashMap<>();
        for (Shortcuts.Entry e : Shortcuts.sheet()) {
            byScope.computeIfAbsent(e.scope(), k -> new ArrayList<>()).add(e);
        }
        byScope.forEach((scope, entries) -> {
            out.add(styled(i18n.get("h4.keys.scope." + scope.name()), "h2", null));
            GridPane g = new GridPane();
            g.setHgap(16);
            g.setVgap(4);
            g.setId("shortcutSheet-" + scope.name());
            int r = 0;
            for (Shortcuts.Entry e : entries) {
                Label keys = new Label(e.keysText());
                keys.getStyleClass().add("shortcut-keys");
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label what = new Label(e.screen() > 0
                        ? i18n.get(e.textKey(), i18n.get("nav." + Section.values()[e.screen() - 1].name().toLowerCase()))
                        : i18n.get(e.textKey()));
                what.setWrapText(true);
                g.addRow(r++, keys, what);
            }
            out.add(g);
        });
        out.add(styled(i18n.get("h4.keys.mnemonics"), "help-text", null));
        return out;
    }
}
