package se.kvalitetshjulet.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * The first-start guide for an empty database (issue 18, decision 0027): name the förvaltning and nämnd (for report
 * covers), add or import the organisation, choose the lists, create the first self-check round. Which steps are done
 * (or skipped) is remembered in the database, so the guide resumes where it was left, on any computer; it is offered
 * until every step is done or it is dismissed, never for the demo or a database that had units before it was shown.
 */
public final class FirstStartService {
    public enum Step { NAMES, ORGANISATION, LISTS, ROUND }

    /** Where the guide stands. {@code offered}: it should be shown (or offered on the home screen and in Inställningar). */
    public record Status(Set<Step> done, boolean dismissed, boolean offered, String administration, String board) {
        public Status {
            done = done.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(done);
        }
    }

    static final String DONE_PREFIX = "guide.done.";
    static final String STARTED = "guide.started";
    static final String DISMISSED = "guide.dismissed";

    private final SettingsRepository settings;
    private final OrganisationService organisation;

    public FirstStartService(SettingsRepository settings, OrganisationService organisation) {
        this.settings = settings;
        this.organisation = organisation;
    }

    public Status status() {
        Set<Step> done = EnumSet.noneOf(Step.class);
        for (Step s : Step.values()) {
            if (settings.get(DONE_PREFIX + s.name()).isPresent()) {
                done.add(s);
            }
        }
        boolean dismissed = settings.get(DISMISSED).isPresent();
        boolean started = settings.get(STARTED).isPresent();
        boolean empty = organisation.tree().all().isEmpty();
        boolean offered = !settings.isDemo() && !dismissed && done.size() < Step.values().length && (empty || started);
        return new Status(done, dismissed, offered,
                settings.get(se.kvalitetshjulet.domain.report.CoverNames.SETTING_ADMINISTRATION).orElse(""),
                settings.get(se.kvalitetshjulet.domain.report.CoverNames.SETTING_BOARD).orElse(""));
    }

    /** The guide was shown: from now on it is resumed even after units exist (until done or dismissed). */
    public void started() {
        if (settings.get(STARTED).isEmpty()) {
            settings.put(STARTED, "1");
        }
    }

    /** A step done or skipped ("Hoppa över"): the guide moves on and does not ask again. */
    public Status markDone(Step step) {
        settings.put(DONE_PREFIX + step.name(), "1");
        return status();
    }

    /** "Visa inte guiden igen". */
    public Status dismiss() {
        settings.put(DISMISSED, "1");
        return status();
    }

    /** Step 1: the förvaltning's and the nämnd's names, as the report covers print them. */
    public SaveResult<Status> saveNames(String administration, String board) {
        String a = administration == null ? "" : administration.strip();
        String b = board == null ? "" : board.strip();
        List<Problem> p = new ArrayList<>();
        if (a.isEmpty()) {
            p.add(new Problem("administration", "h2.guide.validation.administrationRequired"));
        }
        if (a.length() > 200 || b.length() > 200) {
            p.add(new Problem("administration", "h2.guide.validation.nameTooLong"));
        }
        if (!p.isEmpty()) {
            return SaveResult.rejected(p);
        }
        settings.put(se.kvalitetshjulet.domain.report.CoverNames.SETTING_ADMINISTRATION, a);
        settings.put(se.kvalitetshjulet.domain.report.CoverNames.SETTING_BOARD, b);
        return SaveResult.saved(markDone(Step.NAMES));
    }

    /**
     * Step 2 by hand: a unit (enhet) under the förvaltning, which is made first from the name of step 1 when the
     * tree is empty. Saved through the organisation's rules and audit trail.
     */
    public SaveResult<Unit> addUnit(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            return SaveResult.rejected(List.of(new Problem("unit", "h2.guide.validation.unitRequired")));
        }
        var roots = organisation.tree().roots();
        Long rootId;
        if (roots.isEmpty()) {
            String adm = settings.get(se.kvalitetshjulet.domain.report.CoverNames.SETTING_ADMINISTRATION)
                    .filter(s -> !s.isBlank()).orElse("Förvaltningen");
            SaveResult<Unit> root = organisation.save(new Unit(null, null, adm, OrgLevel.FORVALTNING, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            if (!root.ok()) {
                return root;
            }
            rootId = root.value().id();
        } else {
            rootId = roots.getFirst().id();
        }
        return organisation.save(new Unit(null, rootId, n, OrgLevel.ENHET, null, ProviderKind.KOMMUNAL, null, null, null));
    }
}
