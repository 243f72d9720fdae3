package se.kvalitetshjulet.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the app, in one place (issue 18): the screens and the shell register their keys from
 * these constants, and the shortcut sheet ("Kortkommandon", in Hjälp and under F1) lists {@link #sheet()}, so the
 * sheet cannot promise a key that does nothing or miss one that works.
 */
public final class Shortcuts {
    private Shortcuts() {
    }

    /** Where a shortcut works: everywhere in the main window, or in one kind of screen or window. */
    public enum Scope { WINDOW, MENU, REGISTER, SELF_CHECK_FORM, EDITOR, TEMPLATE_EDITOR, NAVIGATION }

    /**
     * One line of the sheet: the keys, what they do (a bundle key) and where; {@code screen} is the navigation's
     * n-th screen for Ctrl+n (the sheet names it), 0 otherwise.
     */
    public record Entry(KeyCombination keys, String textKey, Scope scope, int screen) {
        public Entry(KeyCombination keys, String textKey, Scope scope) {
            this(keys, textKey, scope, 0);
        }

        /** The keys as the sheet shows them: "Ctrl+N" (on a Mac the platform's own signs). */
        public String keysText() {
            return keys.getDisplayText();
        }
    }

    /** Ctrl+1 … Ctrl+9: the first nine screens of the navigation, in its order. */
    public static KeyCombination screen(int n) {
        if (n < 1 || n > 9) {
            throw new IllegalArgumentException("Ctrl+1 … Ctrl+9 only: " + n);
        }
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + n), KeyCombination.SHORTCUT_DOWN);
    }

    public static final int SCREEN_KEYS = 9;
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination PROJECTOR = new KeyCodeCombination(KeyCode.F11);
    /** The current screen's "Ny …" (a new deviation in Avvikelser), from anywhere in the window. */
    public static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NEXT_PAGE = new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PREVIOUS_PAGE = new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SUBMIT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination NEW_SECTION = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination OPEN_ROW = new KeyCodeCombination(KeyCode.ENTER);
    public static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.ESCAPE);
    /** The menu bar's own key (JavaFX's): the focus to the menu bar, then arrows and Enter. */
    public static final KeyCombination MENU = new KeyCodeCombination(KeyCode.F10);
    public static final KeyCombination NAV_UP = new KeyCodeCombination(KeyCode.UP);
    public static final KeyCombination NAV_DOWN = new KeyCodeCombination(KeyCode.DOWN);

    /** h1 (decision 0026): in the self-check form, the answer before/after, and Enter to choose and go on. */
    public static final KeyCombination ANSWER_NEXT = new KeyCodeCombination(KeyCode.RIGHT);
    public static final KeyCombination ANSWER_PREVIOUS = new KeyCodeCombination(KeyCode.LEFT);
    public static final KeyCombination ANSWER_GO_ON = new KeyCodeCombination(KeyCode.ENTER);
    /** JavaFX's own key for a drop-down's list (Alt+Down does the same); typing then chooses (TypeAhead). */
    public static final KeyCombination OPEN_LIST = new KeyCodeCombination(KeyCode.F4);

    /** The sheet, in the order it is read: the window first, then screen by screen. */
    public static List<Entry> sheet() {
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i <= SCREEN_KEYS; i++) {
            out.add(new Entry(screen(i), "h4.keys.screen", Scope.WINDOW, i));
        }
        out.add(new Entry(HELP, "h4.keys.help", Scope.WINDOW));
        out.add(new Entry(PROJECTOR, "h4.keys.projector", Scope.WINDOW));
        out.add(new Entry(NEW, "h4.keys.new", Scope.WINDOW));
        out.add(new Entry(MENU, "h4.keys.menu", Scope.MENU));
        out.add(new Entry(NAV_DOWN, "h4.keys.navDown", Scope.NAVIGATION));
        out.add(new Entry(NAV_UP, "h4.keys.navUp", Scope.NAVIGATION));
        out.add(new Entry(FIND, "h4.keys.find", Scope.REGISTER));
        out.add(new Entry(NEXT_PAGE, "h4.keys.nextPage", Scope.REGISTER));
        out.add(new Entry(PREVIOUS_PAGE, "h4.keys.previousPage", Scope.REGISTER));
        out.add(new Entry(OPEN_ROW, "h4.keys.openRow", Scope.REGISTER));
        out.add(new Entry(SAVE, "h4.keys.saveDraft", Scope.SELF_CHECK_FORM));
        out.add(new Entry(SUBMIT, "h4.keys.submit", Scope.SELF_CHECK_FORM));
        out.add(new Entry(ANSWER_NEXT, "h1.keys.answerNext", Scope.SELF_CHECK_FORM));
        out.add(new Entry(ANSWER_PREVIOUS, "h1.keys.answerPrevious", Scope.SELF_CHECK_FORM));
        out.add(new Entry(ANSWER_GO_ON, "h1.keys.answerGoOn", Scope.SELF_CHECK_FORM));
        out.add(new Entry(SAVE, "h4.keys.save", Scope.EDITOR));
        out.add(new Entry(CLOSE, "h4.keys.close", Scope.EDITOR));
        out.add(new Entry(OPEN_LIST, "h1.keys.openList", Scope.EDITOR));
        out.add(new Entry(NEW, "h4.keys.newQuestion", Scope.TEMPLATE_EDITOR));
        out.add(new Entry(NEW_SECTION, "h4.keys.newSection", Scope.TEMPLATE_EDITOR));
        return List.copyOf(out);
    }

    /** The keys the main window itself listens for (its accelerators), as the sheet lists them. */
    public static List<KeyCombination> window() {
        return sheet().stream().filter(e -> e.scope() == Scope.WINDOW).map(Entry::keys).toList();
    }
}
