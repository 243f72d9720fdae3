package se.kvalitetshjulet.domain.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Nämndsammanträde: a board meeting at which quality is presented. The written material must reach the board one
 * week before the meeting (seed 000), which is the material's deadline.
 */
public record BoardMeeting(Long id, LocalDate meetingOn, String title, Long unitId) {
    public static final int DAYS_BEFORE = 7;

    public BoardMeeting {
        Objects.requireNonNull(meetingOn, "meetingOn");
        title = title == null ? "" : title.strip();
    }

    /** The day the written material must be sent: one week before the meeting. */
    public LocalDate deadline() {
        return meetingOn.minusDays(DAYS_BEFORE);
    }

    /** Days left until the deadline (negative when passed). */
    public long daysToDeadline(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, deadline());
    }

    public boolean deadlinePassed(LocalDate today) {
        return today.isAfter(deadline());
    }

    public BoardMeeting withId(long newId) {
        return new BoardMeeting(newId, meetingOn, title, unitId);
    }
}
