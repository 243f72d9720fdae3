package se.kvalitetshjulet.domain.risk;

import java.time.LocalDateTime;

/** Händelseförlopp: one moment of the event (when, what happened) — described without names. */
public record TimelineEntry(LocalDateTime at, String what) {
}
