package se.kvalitetshjulet.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.Bilaga2Repository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.selfcheck.Bilaga2Year;
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
import se.kvalitetshjulet.domain.selfcheck.ResultLevel;

/**
 * Bilaga 2 of the kvalitetsberättelse in the board's shape (decision 0015): per self-check and reporting unit the
 * unit as the board writes it, a free result text drafted from the answers, the improvement actions and routines as
 * the coordinator wrote them, in the coordinator's order.
 */
public final class Bilaga2Service {
    private final Database db;
    private final Bilaga2Repository repo;
    private final SelfCheckService selfChecks;
    private final OrganisationService organisation;

    public Bilaga2Service(Database db, Bilaga2Repository repo, SelfCheckService selfChecks,
                          OrganisationService organisation) {
        this.db = db;
        this.repo = repo;
        this.selfChecks = selfChecks;
        this.organisation = organisation;
    }

    /**
     * The year's Bilaga 2 exactly as the kvalitetsberättelse prints it: every round whose period starts in
     * {@code year}, the units in {@code scope} ({@code null}: all), the unit's name, result and actions as the board
     * writes them (else the defaults), the routines the coordinator wrote (never the question's legal reference), in
     * the board's order ({@link Bilaga2Year#boardOrder}); unsubmitted forms apart.
     */
    public Bilaga2Year year(int year, Set<Long> scope) {
        long rounds = 0;
        long units = 0;
        long submitted = 0;
        long findings = 0;
        List<Bilaga2Year.Line> rows = new ArrayList<>();
        List<Bilaga2Year.Line> unanswered = new ArrayList<>();
        for (RoundRow rr : selfChecks.rounds()) {
            if (rr.round().periodStart() == null || rr.round().periodStart().getYear() != year) {
                continue;
            }
            Compilation c = selfChecks.compile(rr.round().id());
            List<Compilation.UnitResult> mine = c.units().stream()
                    .filter(u -> scope == null || scope.contains(u.unitId())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<Long, Bilaga2Repository.BoardRow> board = repo.rows(rr.round().id());
            rounds++;
            units += mine.size();
            for (Compilation.UnitResult u : mine) {
                Bilaga2Repository.BoardRow b = board.get(u.responseId());
                String unit = b != null && b.displayName() != null ? b.displayName() : u.unitName();
                Integer pos = b == null ? null : b.position();
                String area = u.area() == null ? "" : u.area();
                if (u.status() != ResponseStatus.SUBMITTED) {
                    // Not answered: listed apart, never as a result (issue 21).
                    unanswered.add(new Bilaga2Year.Line(rr.round().id(), rr.round().periodStart(), u.responseId(), area, c.template().name(),
                            unit, u.result().phrase(), "", "", pos));
                    continue;
                }
                submitted++;
                findings += u.findings();
                String result = b != null && b.resultText() != null ? b.resultText() : u.result().phrase() + ".";
                String actions = b != null && b.actionsText() != null ? b.actionsText() : String.join("; ", u.actions());
                String routines = u.routinesText() == null ? "" : u.routinesText();
                rows.add(new Bilaga2Year.Line(rr.round().id(), rr.round().periodStart(), u.responseId(), area, c.template().name(), unit, result,
                        actions, routines, pos));
            }
        }
        Comparator<Bilaga2Year.Line> order = Bilaga2Year.boardOrder(
                organisation.businessAreas().stream().map(a -> a.name()).toList());
        rows.sort(order);
        unanswered.sort(order);
        return new Bilaga2Year(year, rounds, units, submitted, findings, rows, unanswered);
    }

    /** The years that have self-check rounds, newest first (for the screen's year choice). */
    public List<Integer> years() {
        return selfChecks.rounds().stream().filter(r -> r.round().periodStart() != null)
                .map(r -> r.round().periodStart().getYear()).distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /**
     * Stores the coordinator's order of a year's Bilaga 2: the responses in the order given get the year-wide
     * positions 1, 2, 3 … in one transaction, each change audited. Responses that no longer exist are refused before
     * anything is written.
     */
    public void orderYear(List<Long> responseIds) {
        db.txRun(tx -> {
            int pos = 0;
            for (Long id : responseIds) {
                repo.setPosition(tx, id, ++pos);
            }
        });
    }

    public Map<Long, Bilaga2Repository.BoardRow> rows(long roundId) {
        return repo.rows(roundId);
    }

    /**
     * Saves the board-shaped texts of one row; blank means the default (unit name, result phrase, the actions of the
     * self-check). "Processer och rutiner som förbättrats" is saved with {@link SelfCheckService#saveBilaga2}.
     * Identity numbers are refused: the report is public.
     */
    private PrivacyService privacy;

    /** The privacy check with the coordinator's policy for report texts (set once, by AppContext). */
    public Bilaga2Service withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s;
    }

    public SaveResult<Bilaga2Repository.BoardRow> save(long responseId, long roundId, String displayName,
                                                       String resultText, String actionsText) {
        for (String t : new String[] {displayName, resultText, actionsText}) {
            if (t != null && PrivacyCheck.check(t).stream().anyMatch(PrivacyCheck.Finding::identityNumber)) {
                return SaveResult.rejected(List.of(new Problem("text", "deviation.validation.identityNumberRefused")));
            }
        }
        if (privacy != null) {
            // Bilaga 2 goes to the board: under "refuse" for report texts, no names, phone numbers or addresses either
            var refused = privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.REPORT,
                    java.util.Arrays.asList(blankToEmpty(displayName), blankToEmpty(resultText), blankToEmpty(actionsText)));
            if (refused.isPresent()) {
                return SaveResult.rejected(List.of(refused.get()));
            }
        }
        Bilaga2Repository.BoardRow old = repo.rows(roundId).get(responseId);
        if (old == null) {
            throw new IllegalStateException("Egenkontrollen finns inte längre (id " + responseId + ").");
        }
        Bilaga2Repository.BoardRow row = new Bilaga2Repository.BoardRow(responseId, blank(displayName), blank(resultText),
                blank(actionsText), old.position());
        db.txRun(tx -> repo.save(tx, row));
        return SaveResult.saved(row);
    }

    /** The board-shaped texts of one row as stored (blank: the defaults), for the screen. */
    public se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts texts(long roundId, long responseId) {
        Bilaga2Repository.BoardRow r = repo.rows(roundId).get(responseId);
        return r == null ? se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts.DEFAULTS
                : new se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts(r.displayName(), r.resultText(), r.actionsText());
    }

    /** Every row's board-shaped texts of a round as stored (blank: the defaults), by response, for the screen's table. */
    public Map<Long, se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts> allTexts(long roundId) {
        Map<Long, se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts> out = new java.util.HashMap<>();
        repo.rows(roundId).forEach((id, r) -> out.put(id,
                new se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts(r.displayName(), r.resultText(), r.actionsText())));
        return out;
    }

    /** As {@link #save} with the screen's record; audited, privacy-checked. */
    public SaveResult<se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts> saveTexts(long responseId, long roundId,
            se.kvalitetshjulet.domain.selfcheck.Bilaga2Texts t) {
        SaveResult<Bilaga2Repository.BoardRow> r = save(responseId, roundId, t.displayName(), t.resultText(),
                t.actionsText());
        return r.ok() ? SaveResult.saved(texts(roundId, responseId)) : SaveResult.rejected(r.problems());
    }

    /** Sets the coordinator's order of the rows: the responses in the order given get positions 1, 2, 3 … */
    public void order(long roundId, List<Long> responseIds) {
        Map<Long, Bilaga2Repository.BoardRow> rows = repo.rows(roundId);
        db.txRun(tx -> {
            int pos = 0;
            for (Long id : responseIds) {
                Bilaga2Repository.BoardRow r = rows.get(id);
                if (r != null) {
                    repo.save(tx, new Bilaga2Repository.BoardRow(id, r.displayName(), r.resultText(), r.actionsText(),
                            ++pos));
                }
            }
        });
    }

    /** Sets one row's position in the year's Bilaga 2 (rows without a position follow, by check and unit). */
    public void position(long roundId, long responseId, Integer position) {
        Bilaga2Repository.BoardRow r = repo.rows(roundId).get(responseId);
        if (r != null) {
            db.txRun(tx -> repo.save(tx, new Bilaga2Repository.BoardRow(responseId, r.displayName(), r.resultText(),
                    r.actionsText(), position)));
        }
    }

    /**
     * A result text drafted from the answers, for the coordinator to edit: "Inga anmärkningar." or "16 % av de
     * kontrollerade punkterna följer inte rutinen (4 av 25)."
     */
    public static String draftResult(Compilation.UnitResult u) {
        if (!u.submitted()) {
            return ResultLevel.NOT_FOLLOWED_UP.phrase() + ".";
        }
        if (u.findings() <= 0 || u.assessable() <= 0) {
            return u.result().phrase() + ".";
        }
        long pct = Math.round(100.0 * u.findings() / u.assessable());
        return pct + " % av de kontrollerade punkterna följer inte rutinen (" + u.findings() + " av " + u.assessable()
                + ").";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
