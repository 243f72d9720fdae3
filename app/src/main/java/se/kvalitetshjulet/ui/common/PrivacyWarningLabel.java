package se.kvalitetshjulet.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * The privacy warning (integritetsvarning) under a form: personnummer and likely names in free text. It takes no room
 * while there is nothing to warn about.
 */
public final class PrivacyWarningLabel extends Label {
    public PrivacyWarningLabel(String id, ObservableStringValue warning) {
        EditorParts.asNotice(this, id, warning);
    }
}
