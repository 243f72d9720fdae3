package se.kvalitetshjulet.domain.trend;

import java.time.LocalDate;

/**
 * Händelse i diagrammet: a dated note ("Ny rutin införd") drawn as a labelled vertical marker at
 * that date. With {@code phaseSplit} the date also starts a new phase of the control chart.
 */
public record Annotation(LocalDate date, String text, boolean phaseSplit) {
    public Annotation {
        if (date == null) {
            throw new IllegalArgumentException("En händelse behöver ett datum.");
        }
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("En händelse behöver en text.");
        }
    }
}
