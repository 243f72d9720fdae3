package se.kvalitetshjulet.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AnnualCycleRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.cycle.AnnualActivity;
import se.kvalitetshjulet.domain.cycle.AnnualCycle;
import se.kvalitetshjulet.domain.cycle.ICalendar;
import se.kvalitetshjulet.domain.cycle.Occurrence;

/** Årshjulet: the recurring activities of the quality work, their status this year, and an iCalendar export. */
public final class AnnualCycleService {
    private final Database db;
    private final AnnualCycleRepository repo;
    private final Clock clock;
    private PrivacyService privacy;

    public AnnualCycleService(Database db, AnnualCycleRepository repo, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<AnnualActivity> activities() {
        return repo.activities();
    }

    public List<Occurrence> occurrences(int year) {
        return AnnualCycle.occurrences(repo.activities(), year, repo.done(year), today());
    }

    /** Occurrences not done with a due date up to {@code days} ahead, overdue ones of this year included. */
    public List<Occurrence> upcoming(int days) {
        LocalDate today = today();
        List<Occurrence> out = new ArrayList<>();
        for (int year = today.getYear(); year <= today.plusDays(days).getYear(); year++) {
            for (Occurrence o : occurrences(year)) {
                if (o.status() != Occurrence.CycleStatus.DONE && !o.dueOn().isAfter(today.plusDays(days))) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** The privacy check with the coordinator's policy (Inställningar); set once by AppContext. */
    public AnnualCycleService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    /** Whether the policy for quality-plan texts (årshjulet is part of the plan) refuses identifying details. */
    public boolean privacyRefuses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.QUALITY_PLAN);
    }

    public SaveResult<AnnualActivity> save(AnnualActivity a) {
        List<Problem> p = new ArrayList<>();
        if (privacy != null) {
            java.util.ArrayList<String> texts = new java.util.ArrayList<>();
            texts.add(a.title() == null ? "" : a.title());
            texts.add(a.description() == null ? "" : a.description());
            privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.QUALITY_PLAN, texts)
                    .ifPresent(p::add);
        }
        if (a.title() == null || a.title().isBlank()) {
            p.add(new Problem("title", "cycle.validation.titleRequired"));
        }
        if (a.dueMonth() < 1 || a.dueMonth() > 12) {
            p.add(new Problem("dueMonth", "cycle.validation.month"));
        }
        if (a.dueDay() < 1 || a.dueDay() > 31) {
            p.add(new Problem("dueDay", "cycle.validation.day"));
        }
        if (!a.recurring() && a.startYear() == null) {
            p.add(new Problem("startYear", "cycle.validation.yearForOnce"));
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        return SaveResult.saved(db.tx(tx -> repo.save(tx, a)));
    }

    public void setDone(long activityId, int year, boolean done) {
        setDone(activityId, year, done ? today() : null);
    }

    /** Marks the activity done for the year on {@code doneOn} (null: not done). */
    public void setDone(long activityId, int year, LocalDate doneOn) {
        db.txRun(tx -> repo.setDone(tx, activityId, year, doneOn));
    }

    /** The active activities as an iCalendar text; recurring ones start in {@code fromYear} and repeat yearly. */
    public String ics(int fromYear, String calendarName) {
        List<ICalendar.Event> events = new ArrayList<>();
        for (AnnualActivity a : repo.activities()) {
            if (!a.active()) {
                continue;
            }
            int year = a.recurring() ? Math.max(fromYear, a.startYear() == null ? fromYear : a.startYear())
                    : a.startYear();
            LocalDate start = a.dueIn(year);
            if (start != null) {
                events.add(new ICalendar.Event("arshjul-" + a.id() + "@kvalitetshjulet", start, a.title(),
                        a.description(), a.recurring()));
            }
        }
        return ICalendar.write(calendarName, events, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    public int exportIcs(Path target, int fromYear, String calendarName) {
        String text = ics(fromYear, calendarName);
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path tmp = se.kvalitetshjulet.data.TempFiles.create(".ics-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                se.kvalitetshjulet.data.TempFiles.moveInto(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Exporten till " + target + " misslyckades.", e);
        }
        return (int) text.lines().filter(l -> l.equals("BEGIN:VEVENT")).count();
    }
}
