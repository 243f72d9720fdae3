package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Alt+letter on every command button and menu (issue 18, decision 0026). A letter the bundle chose ({@code _Visa},
 * {@code _Namn} of a field's label) is kept; every other visible button of the window, and every menu and menu item
 * without one, gets the first free letter of its own words (a word's first letter before any other), so the letters
 * are unique within the window and in the language shown. Applied when a screen is shown and whenever Alt is pressed
 * (so a button that appeared since gets its letter before the letter key arrives).
 */
public final class Mnemonics {
    private static final String INSTALLED = "kh.mnemonics";

    private Mnemonics() {
    }

    /** Gives the window of {@code scene} its letters now and again on every press of Alt. */
    public static void install(Scene scene) {
        if (scene == null || scene.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ALT || e.getCode() == KeyCode.ALT_GRAPH) {
                apply(scene);
            }
        });
        apply(scene);
    }

    /** Gives a dialog's buttons their letters once it is shown. */
    public static void onShown(javafx.scene.control.Dialog<?> d) {
        d.getDialogPane().sceneProperty().addListener((o, a, scene) -> install(scene));
        d.setOnShown(e -> apply(d.getDialogPane().getScene()));
    }

    /** The letter after the mnemonic underscore of {@code text} (lower case), or 0 when it has none. */
    public static char letter(String text) {
        if (text == null) {
            return 0;
        }
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '_') {
                if (text.charAt(i + 1) == '_') {
                    i++;
                    continue;
                }
                return Character.toLowerCase(text.charAt(i + 1));
            }
        }
        return 0;
    }

    /** The command buttons of the window that a person sees now: what must each have its own letter. */
    public static List<ButtonBase> commands(Scene scene) {
        List<ButtonBase> out = new ArrayList<>();
        List<Labeled> ignored = new ArrayList<>();
        walk(scene.getRoot(), out, ignored, new IdentityHashMap<>());
        return out;
    }

    /** The labels (field names) that a person sees now and that carry a letter of their own. */
    public static List<Labeled> labels(Scene scene) {
        List<ButtonBase> ignored = new ArrayList<>();
        List<Labeled> out = new ArrayList<>();
        walk(scene.getRoot(), ignored, out, new IdentityHashMap<>());
        return out;
    }

    /** Gives every visible command button and menu of the window without a letter the first free one of its words. */
    public static void apply(Scene scene) {
        if (scene == null || scene.getRoot() == null) {
            return;
        }
        TypeAhead.installAll(scene.getRoot()); // the same pass gives every drop-down and list its type-ahead
        List<ButtonBase> buttons = new ArrayList<>();
        List<Labeled> labels = new ArrayList<>();
        List<MenuBar> bars = new ArrayList<>();
        walk(scene.getRoot(), buttons, labels, new IdentityHashMap<>());
        collectBars(scene.getRoot(), bars);
        Set<Character> taken = new HashSet<>();
        labels.forEach(l -> taken.add(letter(l.getText())));
        buttons.stream().filter(b -> b.isMnemonicParsing()).forEach(b -> taken.add(letter(b.getText())));
        for (MenuBar bar : bars) {
            bar.getMenus().forEach(m -> taken.add(letter(m.getText())));
        }
        taken.remove((char) 0);
        for (MenuBar bar : bars) {
            for (Menu m : bar.getMenus()) {
                if (letter(m.getText()) == 0) {
                    give(m.getText(), taken, m::setText);
                }
                items(m);
            }
        }
        // the buttons with the fewest letters to choose from first ("Add", "Delete"), so that none is left without
        buttons.sort(java.util.Comparator.comparingLong(b -> b.getText() == null ? 0
                : b.getText().toLowerCase(java.util.Locale.ROOT).chars().filter(c -> usable((char) c)).distinct().count()));
        for (ButtonBase b : buttons) {
            if (b.textProperty().isBound() || (b.isMnemonicParsing() && letter(b.getText()) != 0)) {
                continue;
            }
            if (!b.isMnemonicParsing() && b.getText() != null && b.getText().contains("_")) {
                continue; // a text with a real underscore (a file name): not a mnemonic
            }
            if (give(b.getText(), taken, b::setText)) {
                b.setMnemonicParsing(true);
            }
        }
    }

    /** The items of one menu, each with a letter unique within that menu (and its sub-menus on their own). */
    private static void items(Menu menu) {
        Set<Character> taken = new HashSet<>();
        for (MenuItem i : menu.getItems()) {
            if (i.isMnemonicParsing()) {
                taken.add(letter(i.getText()));
            }
        }
        for (MenuItem i : menu.getItems()) {
            if (i.getText() == null || i.getText().isBlank() || i.textProperty().isBound()) {
                continue;
            }
            if (!i.isMnemonicParsing()) {
                continue; // turned off on purpose
            }
            if (letter(i.getText()) == 0) {
                give(i.getText(), taken, i::setText);
            }
            if (i instanceof Menu sub) {
                items(sub);
            }
        }
    }

    /** Puts the mnemonic underscore before the first free letter of {@code text}; false when none is free. */
    static boolean give(String text, Set<Character> taken, java.util.function.Consumer<String> set) {
        if (text == null || text.isBlank()) {
            return false;
        }
        int at = -1;
        for (int pass = 0; pass < 2 && at < 0; pass++) {
            for (int i = 0; i < text.length(); i++) {
                char c = Character.toLowerCase(text.charAt(i));
                boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
                if ((pass == 1 || wordStart) && usable(c) && !taken.contains(c)) {
                    at = i;
                    break;
                }
            }
        }
        if (at < 0) {
            return false;
        }
        taken.add(Character.toLowerCase(text.charAt(at)));
        set.accept(text.substring(0, at) + "_" + text.substring(at));
        return true;
    }

    /** a–z and 0–9: the keys that are the same on every keyboard (å, ä and ö move between layouts). */
    private static boolean usable(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static void walk(Node n, List<ButtonBase> buttons, List<Labeled> labels, Map<Node, Boolean> seen) {
        if (n == null || !n.isVisible() || seen.put(n, Boolean.TRUE) != null || n instanceof IndexedCell<?>
                || n instanceof MenuBar) {
            return; // a menu bar's menus are counted as menus (collectBars), rows of tables and lists are not commands
        }
        if (n instanceof javafx.scene.control.TabPane tabs && tabs.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) == null) {
            // a tab's buttons get their letters when the tab is chosen
            tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) ->
                    javafx.application.Platform.runLater(() -> apply(tabs.getScene())));
        }
        if (isCommand(n)) {
            ButtonBase b = (ButtonBase) n;
            if (b.getText() != null && b.getText().chars().anyMatch(Character::isLetter)) {
                // «‹›» (the register's pages) have keys of their own, a risk matrix's counts ("1") are cells, not commands
                buttons.add(b);
            }
        } else if (n instanceof Labeled l && !(n instanceof ButtonBase) && l.isMnemonicParsing()
                && letter(l.getText()) != 0) {
            labels.add(l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, buttons, labels, seen);
            }
        }
        if (n instanceof ScrollPane sp) {
            walk(sp.getContent(), buttons, labels, seen);
        }
    }

    /** A button that does something when pressed: not a check box, radio button, toggle or link. */
    public static boolean isCommand(Node n) {
        return n instanceof Button || n instanceof MenuButton;
    }

    private static void collectBars(Node n, List<MenuBar> out) {
        if (n instanceof MenuBar bar) {
            out.add(bar);
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectBars(c, out);
            }
        }
    }
}
