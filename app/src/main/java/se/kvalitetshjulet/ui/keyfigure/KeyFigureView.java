package se.kvalitetshjulet.ui.keyfigure;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * The Nyckeltal screen: tabs for Kolada key figures against chosen municipalities, the user survey per unit, own key
 * figures, individual follow-up, per unit and the choice of KPIs and municipalities — each chart with its method and
 * uncertainty written beside it. Each tab is its own view ({@link KeyFigureKoladaView} …) over its own view model.
 */
public final class KeyFigureView extends BorderPane implements Refreshable {
    private final KeyFigureViewModel vm;
    private final I18n i18n;
    private final TabPane tabs = new TabPane();
    private final KeyFigureChoiceView choiceView;
    private Tab choiceTab;

    public KeyFigureView(KeyFigureViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("keyFigureView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("kf.screenTitle"));
        title.getStyleClass().add("h1");
        setTop(title);
        choiceView = new KeyFigureChoiceView(vm.choices());
        choiceTab = tab("kfTabChoice", "kf.tab.choice", scroll(choiceView));
        tabs.getTabs().addAll(tab("kfTabKolada", "kf.tab.kolada", new KeyFigureKoladaView(vm.kolada(), i18n, this::showChoice)),
                tab("kfTabSurvey", "kf.tab.survey", new KeyFigureSurveyView(vm.survey(), i18n)),
                tab("kfTabOwn", "kf.tab.own", new KeyFigureOwnView(vm.own(), i18n)),
                tab("kfTabFollowUp", "kf.tab.followUp", new KeyFigureFollowUpView(vm.followUp(), i18n)), choiceTab);
        if (vm.perUnit() != null) {
            Tab unitTab = tab("kfTabUnit", "kf.tab.unit", scroll(new KeyFigureUnitView(vm.perUnit())));
            tabs.getTabs().add(4, unitTab);
            unitTab.setOnSelectionChanged(e -> {
                if (unitTab.isSelected()) {
                    vm.perUnit().refresh();
                }
            });
        }
        choiceTab.setOnSelectionChanged(e -> {
            if (choiceTab.isSelected()) {
                vm.choices().refresh();
            }
        });
        tabs.setId("kfTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane.setMargin(tabs, new Insets(8, 0, 0, 0));
        setCenter(tabs);
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    /**
     * h3 (decision 0034): for a login that reads key figures but does not keep them: "Urval" (what is followed) and
     * the individual follow-up form, which only the quality coordinator writes, are not offered.
     */
    public KeyFigureView readingOnly() {
        tabs.getTabs().removeIf(t -> "kfTabChoice".equals(t.getId()) || "kfTabFollowUp".equals(t.getId()));
        // the imports, the fetch, own figures and the unit links write what only the coordinator keeps
        tabs.getTabs().forEach(t -> hide(t.getContent()));
        return this;
    }

    private static final java.util.Set<String> KEEPERS_ONLY = java.util.Set.of("kfImportKolada", "kfFetchKolada",
            "kfImportOwn", "kfNewOwnFigure", "kfOwnSave", "kfImportSurvey", "kfOuLink", "kfOuUnlink", "kfOuSuggest",
            "kfOuImport");

    private static void hide(Node n) {
        if (n == null) {
            return;
        }
        if (n.getId() != null && KEEPERS_ONLY.contains(n.getId())) {
            n.setVisible(false);
            n.setManaged(false);
            return;
        }
        if (n instanceof javafx.scene.control.ScrollPane sp) {
            hide(sp.getContent());
        } else if (n instanceof javafx.scene.control.TitledPane tp) {
            hide(tp.getContent());
        } else if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(KeyFigureView::hide);
        }
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(i18n.get(key), content);
        t.setId(id);
        return t;
    }

    /** Opens the "Urval" tab with the cursor in the search field of this id. */
    private void showChoice(String focus) {
        tabs.getSelectionModel().select(choiceTab);
        javafx.application.Platform.runLater(() -> {
            Node field = choiceView.lookup(focus);
            if (field != null) {
                field.requestFocus();
            }
        });
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return s;
    }
}
