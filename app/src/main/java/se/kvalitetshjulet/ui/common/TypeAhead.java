package se.kvalitetshjulet.ui.common;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.util.Callback;

/**
 * Type-ahead in every drop-down and list (issue 18, decision 0026): typing "hem" chooses the first item whose text as
 * shown starts with "hem" — upper or lower case, and "o" finds "Östra" as "ö" does —; a pause of {@link #PAUSE_NANOS}
 * starts a new word. Installed on every combo box and list of a window by the keyboard pass ({@link Mnemonics#apply}).
 * An editable drop-down keeps its own typing.
 */
public final class TypeAhead {
    /** After this long without a key, typing starts a new word. */
    public static final long PAUSE_NANOS = 1_000_000_000L;
    private static final String INSTALLED = "kh.typeAhead";

    private TypeAhead() {
    }

    /** What has been typed and when: the word so far, started anew after a pause. */
    public static final class Buffer {
        private final StringBuilder word = new StringBuilder();
        private long last = Long.MIN_VALUE;

        /** Adds {@code c} typed at {@code nanos}; returns the word to look for. */
        public String typed(char c, long nanos) {
            if (last == Long.MIN_VALUE || nanos - last > PAUSE_NANOS) {
                word.setLength(0);
            }
            last = nanos;
            word.append(c);
            return word.toString();
        }

        /** Whether a word is being typed at {@code nanos} (a space then belongs to it). */
        public boolean typing(long nanos) {
            return word.length() > 0 && last != Long.MIN_VALUE && nanos - last <= PAUSE_NANOS;
        }
    }

    /** {@code text} as compared: lower case, accents and the rings and dots of å, ä, ö left out. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String d = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").strip();
    }

    /** The index of the first of {@code count} texts that starts with {@code word}, or -1. */
    public static int find(String word, int count, IntFunction<String> text) {
        String w = fold(word);
        if (w.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < count; i++) {
            if (fold(text.apply(i)).startsWith(w)) {
                return i;
            }
        }
        return -1;
    }

    /** Installs type-ahead on every combo box and list in {@code root} that has none yet. */
    public static void installAll(Node root) {
        if (root == null) {
            return;
        }
        if (root instanceof ComboBox<?> c) {
            install(c);
        } else if (root instanceof ListView<?> l) {
            install(l);
        }
        if (root instanceof Parent p) {
            for (Node n : p.getChildrenUnmodifiable()) {
                installAll(n);
            }
        }
        if (root instanceof ScrollPane sp && sp.getSkin() == null) {
            installAll(sp.getContent());
        }
    }

    public static <T> void install(ComboBox<T> box) {
        if (box.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        // with the list open (Alt+Down, F4) the keys go to the open list: it chooses as the closed box does
        Runnable popup = () -> {
            if (box.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                    && skin.getPopupContent() instanceof ListView<?> l && !box.isEditable()) {
                install(l);
            }
        };
        box.skinProperty().addListener((o, a, s) -> popup.run());
        popup.run();
        Buffer buffer = new Buffer();
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (box.isEditable()) {
                return;
            }
            String word = word(buffer, e);
            if (word == null) {
                return;
            }
            List<T> items = List.copyOf(box.getItems());
            int i = find(word, items.size(), n -> text(box, items, n));
            if (i >= 0) {
                box.getSelectionModel().select(i);
            }
            e.consume();
        });
    }

    public static <T> void install(ListView<T> list) {
        if (list.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        Buffer buffer = new Buffer();
        list.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String word = word(buffer, e);
            if (word == null) {
                return;
            }
            ListCell<T> cell = cell(list.getCellFactory(), list);
            int i = find(word, list.getItems().size(), n -> text(cell, list, n));
            if (i >= 0) {
                list.getSelectionModel().clearAndSelect(i);
                list.getFocusModel().focus(i);
                list.scrollTo(i);
            }
            e.consume();
        });
    }

    /** The word typed so far, or null when the key is no part of one (a shortcut, Tab, a space that starts nothing). */
    private static String word(Buffer buffer, KeyEvent e) {
        String ch = e.getCharacter();
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || ch == null || ch.length() != 1) {
            return null;
        }
        char c = ch.charAt(0);
        long now = System.nanoTime();
        if (Character.isISOControl(c) || (c == ' ' && !buffer.typing(now))) {
            return null;
        }
        return buffer.typed(c, now);
    }

    private static <T> String text(ComboBox<T> box, List<T> items, int n) {
        T item = items.get(n);
        return box.getConverter() != null ? box.getConverter().toString(item) : String.valueOf(item);
    }

    private static <T> ListCell<T> cell(Callback<ListView<T>, ListCell<T>> factory, ListView<T> list) {
        ListCell<T> cell = factory == null ? new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
            }
        } : factory.call(list);
        cell.updateListView(list);
        return cell;
    }

    /** The text the list shows for item {@code n}: its own cell's, made for the purpose and not shown. */
    private static <T> String text(ListCell<T> cell, ListView<T> list, int n) {
        cell.updateIndex(n);
        return cell.getText();
    }
}
