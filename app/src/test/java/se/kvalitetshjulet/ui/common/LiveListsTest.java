package se.kvalitetshjulet.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.junit.jupiter.api.Test;

/** A reload that replaces only what changed (decision 0030): the shown list ends equal, untouched rows stay put. */
class LiveListsTest {
    record Row(long id, String title) { }

    @Test
    void aNewRowOnTopAndAnEditedOneLeaveTheOthersTheSameObjects() {
        Row a = new Row(1, "a");
        Row b = new Row(2, "b");
        Row c = new Row(3, "c");
        ObservableList<Row> shown = FXCollections.observableArrayList(a, b, c);
        List<Row> fresh = List.of(new Row(4, "ny"), new Row(1, "a"), new Row(2, "b ändrad"), new Row(3, "c"));

        LiveLists.replaceKeeping(shown, fresh);

        assertThat(shown).containsExactlyElementsOf(fresh);
        assertThat(shown.get(1)).isSameAs(a);
        assertThat(shown.get(3)).isSameAs(c);
    }

    @Test
    void nothingChangedMeansNoChangeEventAtAll() {
        ObservableList<Row> shown = FXCollections.observableArrayList(new Row(1, "a"), new Row(2, "b"));
        List<ListChangeListener.Change<? extends Row>> events = new ArrayList<>();
        shown.addListener((ListChangeListener<Row>) events::add);

        LiveLists.replaceKeeping(shown, List.of(new Row(1, "a"), new Row(2, "b")));

        assertThat(events).isEmpty();
    }

    @Test
    void removedAndReorderedRowsEndInTheFreshOrder() {
        ObservableList<Row> shown = FXCollections.observableArrayList(new Row(1, "a"), new Row(2, "b"),
                new Row(3, "c"), new Row(4, "d"));
        List<Row> fresh = List.of(new Row(4, "d"), new Row(2, "b"));

        LiveLists.replaceKeeping(shown, fresh);

        assertThat(shown).containsExactlyElementsOf(fresh);
    }
}
