package se.kvalitetshjulet.service.demo;

import se.kvalitetshjulet.service.keyfigure.KoladaImporter;
import se.kvalitetshjulet.domain.keyfigure.ComparisonChoice;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.FollowUpRepository;
import se.kvalitetshjulet.data.repo.KeyFigureRepository;
import se.kvalitetshjulet.data.repo.SettingsRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRole;
import se.kvalitetshjulet.domain.keyfigure.FollowUp;
import se.kvalitetshjulet.domain.keyfigure.KoladaValue;
import se.kvalitetshjulet.domain.keyfigure.Kpi;
import se.kvalitetshjulet.domain.keyfigure.Municipality;
import se.kvalitetshjulet.domain.keyfigure.OwnFigure;
import se.kvalitetshjulet.domain.keyfigure.OwnValue;
import se.kvalitetshjulet.domain.keyfigure.SurveyResult;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * The demo municipality's key figures: a few real Kolada KPIs (titles from the catalogue) with invented values for
 * the fictional "Demokommun" and its comparison municipalities (2020 missing, as the survey was not run that year),
 * user survey results per unit (one home-care unit below the 30-respondent threshold), personalkontinuitet measured
 * locally per home-care section, and two years of individual follow-ups whose share with a genomförandeplan rises
 * after a change. The same seed gives the same data.
 */
public final class KeyFigureDemoData {
    public static final String OWN = "9901";
    static final String[][] KPIS = {
            {"U21468", "Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)", "true"},
            {"U23471", "Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)", "true"},
            {"U21466", "Brukarbedömning hemtjänst äldreomsorg - alltid bra bemötande, andel (%)", "true"},
            {"U21505", "Brukarbedömning hemtjänst äldreomsorg - mycket eller ganska trygga, andel (%)", "true"},
            {"U21401", "Personalkontinuitet, antal personal som en hemtjänsttagare med minst 2 besök dagligen möter under "
                    + "14 dagar, medelvärde (- 2024)", "true"},
            {"U21452", "Enhetsundersökningen, äldreomsorg - Hemtjänsttagare med aktuell genomförandeplan, äldreomsorg, "
                    + "andel (%)", "false"},
            {"U23592", "Brukarbedömning hemtjänst äldreomsorg - svarande, antal", "false"},
            {"U23593", "Brukarbedömning hemtjänst äldreomsorg - svarsfrekvens, andel (%)", "false"},
            {"U23594", "Brukarbedömning särskilt boende äldreomsorg - svarande, antal", "false"},
            {"U23595", "Brukarbedömning särskilt boende äldreomsorg - svarsfrekvens, andel (%)", "false"},
    };
    static final String[][] QUESTIONS = {
            {"HT-HELHET", "Sammantaget, hur nöjd eller missnöjd är du med den hjälp du får?"},
            {"HT-BEMOTANDE", "Brukar personalen bemöta dig på ett bra sätt?"},
            {"HT-TRYGG", "Hur trygg eller otrygg känner du dig hemma med stöd från hemtjänsten?"},
            {"HT-TID", "Brukar personalen komma på avtalad tid?"},
            {"HT-FORTROENDE", "Känner du förtroende för personalen?"},
            {"HT-INFO", "Brukar du få information om tillfälliga förändringar?"},
    };

    private final Database db;
    private final UnitRepository units;
    private final SettingsRepository settings;
    private final KeyFigureRepository repo;
    private final FollowUpRepository followUps;

    public KeyFigureDemoData(Database db, UnitRepository units, SettingsRepository settings) {
        this.db = db;
        this.units = units;
        this.settings = settings;
        AuditTrail audit = new AuditTrail(db, new Actor());
        this.repo = new KeyFigureRepository(db, audit);
        this.followUps = new FollowUpRepository(db, audit);
    }

    public void generate(long seed, LocalDate today) {
        Random rnd = new Random(seed * 31 + 17);
        Map<String, Long> byName = new HashMap<>();
        for (Unit u : units.findAll()) {
            byName.put(u.name(), u.id());
        }
        int lastSurvey = today.getMonthValue() >= 11 ? today.getYear() : today.getYear() - 1;
        db.txRun(tx -> {
            settings.put(tx, KoladaImporter.OWN_MUNICIPALITY, OWN);
            List<Kpi> kpis = new ArrayList<>();
            for (String[] k : KPIS) {
                kpis.add(new Kpi(k[0], k[1], null, Boolean.parseBoolean(k[2]), "K", "Äldreomsorg",
                        "Kvalitet och resultat", true, Integer.toString(lastSurvey)));
            }
            repo.upsertKpis(tx, kpis);
            repo.upsertMunicipalities(tx, List.of(new Municipality(OWN, "Demokommun", "K"),
                    new Municipality("9902", "Ålunda", "K"), new Municipality("9903", "Norrvik", "K"),
                    new Municipality("9900", "Demolänet", "L"), new Municipality("0000", "Riket", "K"),
                    new Municipality("G9901", "Liknande kommuner äldreomsorg, Demokommun", "G")));
            repo.setFollowedKpis(tx, List.of("U21468", "U23471", "U21401", "U21452"));
            repo.setComparisons(tx, List.of(new ComparisonChoice("9902", ComparisonRole.SIMILAR),
                    new ComparisonChoice("9903", ComparisonRole.SIMILAR),
                    new ComparisonChoice("G9901", ComparisonRole.SIMILAR),
                    new ComparisonChoice("9900", ComparisonRole.COUNTY),
                    new ComparisonChoice("0000", ComparisonRole.NATIONAL)));
            repo.upsertValues(tx, koladaValues(rnd, lastSurvey), "Demodata (påhittade värden)");

            // the user survey per unit
            String[] hemtjanst = {"Hemtjänst Norr", "Hemtjänst Syd", "Nattpatrullen", "Omsorgshuset Hemtjänst AB"};
            int[] invited = {142, 165, 38, 96};
            double[] level = {88, 84, 90, 79};
            for (int u = 0; u < hemtjanst.length; u++) {
                Long id = byName.get(hemtjanst[u]);
                if (id == null) {
                    continue;
                }
                for (int y = lastSurvey - 3; y <= lastSurvey; y++) {
                    double rate = 0.45 + rnd.nextDouble() * 0.15 - (y == lastSurvey ? 0.06 : 0);
                    int resp = (int) Math.round(invited[u] * rate);
                    for (int q = 0; q < QUESTIONS.length; q++) {
                        double base = level[u] - q * 2.5 + rnd.nextGaussian() * 2;
                        if (u == 3 && y == lastSurvey && q == 3) {
                            base -= 38; // Omsorgshuset: "kommer på avtalad tid" fell clearly after a route change
                        }
                        double share = Math.max(30, Math.min(100, Math.round(base)));
                        repo.saveSurvey(tx, new SurveyResult(y, id, QUESTIONS[q][0], QUESTIONS[q][1], resp < 30 ? null : share,
                                resp, invited[u], Math.round(1000.0 * resp / invited[u]) / 10.0), "Demodata");
                    }
                }
            }
            String[] sabo = {"Solbackens vård- och omsorgsboende", "Ekhagens äldreboende", "Strandängens vårdboende"};
            int[] saboInvited = {84, 70, 61};
            for (int u = 0; u < sabo.length; u++) {
                Long id = byName.get(sabo[u]);
                if (id == null) {
                    continue;
                }
                for (int y = lastSurvey - 3; y <= lastSurvey; y++) {
                    int resp = (int) Math.round(saboInvited[u] * (0.5 + rnd.nextDouble() * 0.12));
                    double share = Math.round(80 + u * 3 + rnd.nextGaussian() * 3 + (u == 0 && y == lastSurvey ? 8 : 0));
                    repo.saveSurvey(tx, new SurveyResult(y, id, "SABO-HELHET", "Sammantaget, hur nöjd eller missnöjd är "
                            + "du med ditt äldreboende?", Math.min(100, share), resp, saboInvited[u],
                            Math.round(1000.0 * resp / saboInvited[u]) / 10.0), "Demodata");
                }
            }

            // personalkontinuitet measured locally (lower is better), monthly per home-care section
            long figure = repo.saveOwnFigure(tx, new OwnFigure(null, "PK14", "Personalkontinuitet (antal personal på "
                    + "14 dagar, median)", OwnFigure.Measure.MEDIAN, "personer", true, "Antal olika personal som en "
                    + "hemtjänsttagare med minst två besök dagligen mötte under 14 dagar; median per sektion och månad, "
                    + "mätt i planeringssystemet."));
            String[] sections = {"Sektion Björkhagen", "Sektion Ekbacken", "Sektion Hamnen", "Sektion Stensjö"};
            YearMonth end = YearMonth.from(today).minusMonths(1);
            for (int s = 0; s < sections.length; s++) {
                Long id = byName.get(sections[s]);
                if (id == null) {
                    continue;
                }
                for (int i = 23; i >= 0; i--) {
                    YearMonth ym = end.minusMonths(i);
                    double v = 15 + s - (s == 0 && i < 9 ? 3.5 : 0) + rnd.nextGaussian() * 1.2;
                    repo.saveOwnValue(tx, new OwnValue(figure, id, ym.getYear(), ym.getMonthValue(),
                            Math.round(v * 2) / 2.0, 25 + rnd.nextInt(20)), false);
                }
            }

            // individual follow-ups: two years, pseudonymous case references
            String[][] insatser = {{"Hemtjänst Norr", "Hemtjänst"}, {"Hemtjänst Syd", "Hemtjänst"},
                    {"Omsorgshuset Hemtjänst AB", "Hemtjänst"}, {"Solbackens vård- och omsorgsboende", "Särskilt boende"},
                    {"Ekhagens äldreboende", "Särskilt boende"}, {"Strandängens vårdboende", "Särskilt boende"}};
            LocalDateTime now = today.atTime(8, 0);
            int ref = 1000;
            for (int i = 23; i >= 0; i--) {
                YearMonth ym = end.minusMonths(i);
                boolean after = i < 10; // a checklist for genomförandeplaner introduced ten months ago
                for (String[] ins : insatser) {
                    Long id = byName.get(ins[0]);
                    if (id == null) {
                        continue;
                    }
                    int n = 5 + rnd.nextInt(5);
                    for (int k = 0; k < n; k++) {
                        boolean plan = rnd.nextDouble() < (after ? 0.9 : 0.72);
                        Boolean upToDate = plan ? rnd.nextDouble() < 0.8 : null;
                        LocalDate d = ym.atDay(1 + rnd.nextInt(ym.lengthOfMonth()));
                        if (d.isAfter(today)) {
                            d = today;
                        }
                        followUps.insertImported(tx, new FollowUp(null, (ins[1].startsWith("H") ? "HT-" : "SÄBO-")
                                + ym.getYear() + "-" + (ref++), d, id, ins[1], plan, upToDate, rnd.nextDouble() < 0.93,
                                rnd.nextDouble() < (plan ? 0.85 : 0.6), null), now);
                    }
                }
            }
        });
    }

    private static List<KoladaValue> koladaValues(Random rnd, int lastYear) {
        List<KoladaValue> out = new ArrayList<>();
        String[] codes = {OWN, "9902", "9903", "9900", "0000", "G9901"};
        double[] helhet = {86, 89, 84, 87, 87, 86};
        int[] respondents = {610, 180, 95, 5200, 52000, 0};
        for (int y = lastYear - 6; y <= lastYear; y++) {
            for (int c = 0; c < codes.length; c++) {
                int count = codes[c].startsWith("G") ? 7 : 1;
                boolean noSurvey = y == 2020;
                double h = helhet[c] + rnd.nextGaussian() * 1.5;
                double women = h + 0.8;
                double men = h - 1.5;
                add(out, "U21468", codes[c], y, noSurvey ? null : Math.round(h * 1.0), count,
                        noSurvey ? null : Math.round(women * 1.0), noSurvey ? null : codes[c].equals("9903") ? null
                                : Math.round(men * 1.0));
                add(out, "U23471", codes[c], y, noSurvey ? null : Math.round(h - 6 + rnd.nextGaussian()), count, null, null);
                add(out, "U21466", codes[c], y, noSurvey ? null : Math.round(h - 2), count, null, null);
                add(out, "U21505", codes[c], y, noSurvey ? null : Math.round(h + 1), count, null, null);
                if (y <= 2024) {
                    add(out, "U21401", codes[c], y, Math.round((14 + c * 0.7 + rnd.nextGaussian()) * 10) / 10.0, count,
                            null, null);
                }
                add(out, "U21452", codes[c], y, Math.round(78 + c + rnd.nextGaussian() * 3) * 1.0, count, null, null);
                if (!noSurvey && count == 1) {
                    int r = (int) Math.round(respondents[c] * (0.9 + rnd.nextDouble() * 0.2));
                    add(out, "U23592", codes[c], y, (double) r, 1, null, null);
                    add(out, "U23593", codes[c], y, (double) Math.round(45 + rnd.nextDouble() * 10), 1, null, null);
                    add(out, "U23594", codes[c], y, (double) Math.round(r * 0.55), 1, null, null);
                    add(out, "U23595", codes[c], y, (double) Math.round(50 + rnd.nextDouble() * 10), 1, null, null);
                }
            }
        }
        return out;
    }

    private static void add(List<KoladaValue> out, String kpi, String code, int year, Number total, int count,
                            Number women, Number men) {
        Double t = total == null ? null : total.doubleValue();
        out.add(new KoladaValue(kpi, code, "", year, "T", t, "", count));
        if (women != null || men != null) {
            out.add(new KoladaValue(kpi, code, "", year, "K", women == null ? null : women.doubleValue(), "", count));
            out.add(new KoladaValue(kpi, code, "", year, "M", men == null ? null : men.doubleValue(), "", count));
        }
    }
}
