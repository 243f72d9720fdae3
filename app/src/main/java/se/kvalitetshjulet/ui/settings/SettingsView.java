package se.kvalitetshjulet.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.Mode;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;
import se.kvalitetshjulet.ui.common.EditorParts;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.Refreshable;

/**
 * Inställningar, one titled section after another: Mitt namn, Integritet (warn or refuse per kind of text),
 * Ändringslogg (how long free-text history is kept, check the chain) and Lex Sarah / lex Maria (days to notify
 * IVO). A feature adds a section with {@link #addSection}.
 */
public final class SettingsView extends BorderPane implements Refreshable {
    private final SettingsViewModel vm;
    private final VBox sections = new VBox(20);
    private final java.util.List<Refreshable> refreshedWithScreen = new java.util.ArrayList<>();

    public SettingsView(SettingsViewModel vm, I18n i18n) {
        this.vm = vm;
        setId("settingsView");
        getStyleClass().add("screen");
        setPadding(new Insets(16));
        Label title = new Label(i18n.get("settings.title"));
        title.getStyleClass().add("h1");
        // Save sits in the header, so it is in sight on a 1366×768 laptop however long the sections grow.
        Button save = EditorParts.saveButton(i18n.get("common.save"), "settingsSave", vm.saveCommand());
        Label notice = EditorParts.notice("settingsNotice", vm.noticeProperty());
        HBox header = new HBox(16, title, save, notice);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(6, header, EditorParts.problems("settingsProblems", vm.problemsProperty()));
        if (!vm.general()) { // h3 (decision 0034): what this person saves here, and who keeps the rest
            Label personalOnly = new Label(i18n.get("h3.roles.personalOnly"));
            personalOnly.setId("settingsPersonalOnly");
            personalOnly.getStyleClass().add("hint");
            personalOnly.setWrapText(true);
            top.getChildren().add(personalOnly);
        }
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 12, 0));

        TextField name = new TextField();
        name.setId("settingsMyName");
        name.setPromptText(i18n.get("settings.myName.prompt"));
        name.setPrefColumnCount(30);
        name.textProperty().bindBidirectional(vm.myNameProperty());
        Label actorNote = new Label();
        actorNote.setId("settingsActorNote");
        actorNote.getStyleClass().add("hint");
        actorNote.setWrapText(true);
        actorNote.textProperty().bind(vm.actorNoteProperty());
        GridPane me = Forms.grid();
        Forms.row(me, i18n.get("settings.myName"), name);
        Forms.row(me, "", actorNote);
        addSection(i18n.get("settings.section.me"), i18n.get("settings.section.me.help"), me);
        // h2 (decision 0027): my units and roles, and how the register opens for me
        addSection(i18n.get("h2.me.title"), i18n.get("h2.me.help"), PersonalPanes.me(vm.personal(), i18n));
        if (vm.permissions().may(se.kvalitetshjulet.domain.org.Permissions.Capability.SEE_CASES)) {
            addSection(i18n.get("h2.defaults.title"), i18n.get("h2.defaults.help"),
                    PersonalPanes.registerDefaults(vm.personal(), i18n));
        }

        if (vm.general()) {
            addGeneralSections(i18n);
        }

        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        EditorParts.saveOnShortcut(this, vm.saveCommand());
        vm.load();
    }

    /** The database's own settings: for whoever may change them (a local file's user, a kvalitetsutvecklare). */
    private void addGeneralSections(I18n i18n) {
        GridPane privacy = Forms.grid();
        for (TextKind k : TextKind.values()) {
            ComboBox<Mode> mode = new ComboBox<>();
            mode.setId("settingsPrivacy" + k.name());
            mode.getItems().setAll(Mode.values());
            Forms.display(mode, m -> i18n.get("settings.privacy.mode." + m.name()));
            mode.valueProperty().bindBidirectional(vm.modeProperty(k));
            Forms.row(privacy, i18n.get("settings.privacy.kind." + k.name()), mode);
        }
        addSection(i18n.get("settings.section.privacy"), i18n.get("settings.section.privacy.help"), privacy);

        TextField retention = new TextField();
        retention.setId("settingsRetention");
        retention.setPrefColumnCount(6);
        retention.setPromptText(i18n.get("settings.audit.retention.prompt"));
        retention.textProperty().bindBidirectional(vm.retentionDaysProperty());
        Button verify = new Button(i18n.get("settings.audit.verify"));
        verify.setId("settingsVerifyAudit");
        vm.verifyCommand().bind(verify);
        Label verifyResult = new Label();
        verifyResult.setId("settingsVerifyResult");
        verifyResult.setWrapText(true);
        verifyResult.textProperty().bind(vm.verifyResultProperty());
        GridPane audit = Forms.grid();
        Forms.row(audit, i18n.get("settings.audit.retention"), retention);
        Forms.row(audit, "", new VBox(6, verify, verifyResult));
        addSection(i18n.get("settings.section.audit"), i18n.get("settings.section.audit.help"), audit);

        TextField ivoDays = new TextField();
        ivoDays.setId("settingsIvoDays");
        ivoDays.setPrefColumnCount(4);
        ivoDays.textProperty().bindBidirectional(vm.ivoDaysProperty());
        GridPane law = Forms.grid();
        Forms.row(law, i18n.get("settings.ivo.days"), ivoDays);
        addSection(i18n.get("settings.section.ivo"), i18n.get("settings.section.ivo.help"), law);
    }

    /** A titled section with a short explanation and its fields. */
    public void addSection(String heading, String help, javafx.scene.Node content) {
        Label h = new Label(heading);
        h.getStyleClass().add("h2");
        Label explanation = new Label(help);
        explanation.getStyleClass().add("hint");
        explanation.setWrapText(true);
        if (content instanceof Refreshable r) {
            refreshedWithScreen.add(r);
        }
        VBox box = new VBox(6, h, explanation, content);
        box.getStyleClass().add("settings-section");
        sections.getChildren().add(box);
    }

    @Override
    public void refresh() {
        vm.load();
        refreshedWithScreen.forEach(Refreshable::refresh);
    }
}
