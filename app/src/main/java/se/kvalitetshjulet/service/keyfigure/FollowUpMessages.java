package se.kvalitetshjulet.service.keyfigure;

import java.util.Locale;
import java.util.ResourceBundle;

import se.kvalitetshjulet.domain.Problem;

/** Problem keys resolved in Swedish, for the command line and import error reports (the UI resolves its own). */
final class FollowUpMessages {
    private static final ResourceBundle SV = ResourceBundle.getBundle("i18n.messages", Locale.of("sv"),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private FollowUpMessages() {
    }

    static String swedish(Problem p) {
        String pattern = SV.containsKey(p.messageKey()) ? SV.getString(p.messageKey()) : p.messageKey();
        return p.args().length == 0 ? pattern : se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv")).message(pattern, Locale.of("sv"), p.args());
    }
}
