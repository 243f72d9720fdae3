package se.kvalitetshjulet.domain.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import se.kvalitetshjulet.domain.Problem;

/**
 * Riskmatris: sannolikhet (probability) × konsekvens (consequence), both 1..size; riskpoäng = product. Score bands
 * (riskområden) must cover 1..size² without gaps or overlaps. Socialstyrelsen's 4×4 model is the default; 5×5 and
 * other labels are configuration of a template (DOMAIN.md §2.2).
 */
public record RiskMatrix(int size, List<RiskLevel> probabilities, List<RiskLevel> consequences, List<ScoreBand> bands) {
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 10;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public RiskMatrix {
        probabilities = List.copyOf(probabilities);
        consequences = List.copyOf(consequences);
        bands = bands.stream().sorted(Comparator.comparingInt(ScoreBand::from)).toList();
    }

    /** Socialstyrelsen/SKR 4×4 with the anchors of DOMAIN.md §2.2. */
    public static RiskMatrix socialstyrelsen4x4() {
        return new RiskMatrix(4,
                List.of(new RiskLevel(1, "Mycket liten", "Kan inträffa någon gång per år eller mer sällan"),
                        new RiskLevel(2, "Liten", "Kan inträffa någon gång per månad"),
                        new RiskLevel(3, "Stor", "Kan inträffa någon gång per vecka"),
                        new RiskLevel(4, "Mycket stor", "Kan inträffa dagligen")),
                List.of(new RiskLevel(1, "Mindre", "Obehag eller tillfällig olägenhet"),
                        new RiskLevel(2, "Måttlig", "Övergående skada, förlängd vård eller insats"),
                        new RiskLevel(3, "Betydande", "Bestående skada eller betydande missförhållande"),
                        new RiskLevel(4, "Katastrofal", "Dödsfall eller permanent allvarlig skada")),
                List.of(new ScoreBand("LAG", "Låg", 1, 2, "#4caf50"),
                        new ScoreBand("MEDEL", "Medel", 3, 4, "#ffeb3b"),
                        new ScoreBand("HOG", "Hög", 5, 8, "#ff9800"),
                        new ScoreBand("MYCKET_HOG", "Mycket hög", 9, 16, "#e53935")));
    }

    /** A common 5×5 alternative. */
    public static RiskMatrix fiveByFive() {
        return new RiskMatrix(5,
                List.of(new RiskLevel(1, "Mycket osannolik", "Inträffar mer sällan än vart femte år"),
                        new RiskLevel(2, "Osannolik", "Kan inträffa någon gång per år"),
                        new RiskLevel(3, "Möjlig", "Kan inträffa någon gång per månad"),
                        new RiskLevel(4, "Sannolik", "Kan inträffa någon gång per vecka"),
                        new RiskLevel(5, "Mycket sannolik", "Kan inträffa dagligen")),
                List.of(new RiskLevel(1, "Försumbar", "Ingen märkbar påverkan"),
                        new RiskLevel(2, "Mindre", "Obehag eller tillfällig olägenhet"),
                        new RiskLevel(3, "Måttlig", "Övergående skada, förlängd vård eller insats"),
                        new RiskLevel(4, "Betydande", "Bestående skada eller betydande missförhållande"),
                        new RiskLevel(5, "Katastrofal", "Dödsfall eller permanent allvarlig skada")),
                List.of(new ScoreBand("LAG", "Låg", 1, 4, "#4caf50"),
                        new ScoreBand("MEDEL", "Medel", 5, 9, "#ffeb3b"),
                        new ScoreBand("HOG", "Hög", 10, 14, "#ff9800"),
                        new ScoreBand("MYCKET_HOG", "Mycket hög", 15, 25, "#e53935")));
    }

    public int maxScore() {
        return size * size;
    }

    public boolean inRange(Integer level) {
        return level != null && level >= 1 && level <= size;
    }

    /** Riskpoäng = sannolikhet × konsekvens. */
    public int score(int probability, int consequence) {
        if (!inRange(probability) || !inRange(consequence)) {
            throw new IllegalArgumentException("Sannolikhet och konsekvens ska vara 1–" + size + ".");
        }
        return probability * consequence;
    }

    public ScoreBand band(int score) {
        return bands.stream().filter(b -> b.contains(score)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Riskpoängen " + score + " ligger utanför matrisen."));
    }

    /** The band of a (possibly unscored) risk, or empty when probability or consequence is missing. */
    public Optional<ScoreBand> band(Integer probability, Integer consequence) {
        if (!inRange(probability) || !inRange(consequence)) {
            return Optional.empty();
        }
        return Optional.of(band(score(probability, consequence)));
    }

    public RiskLevel probability(int value) {
        return probabilities.get(value - 1);
    }

    public RiskLevel consequence(int value) {
        return consequences.get(value - 1);
    }

    /** Problems with the matrix: axes of the right length, labels given, bands covering 1..size² exactly once. */
    public List<Problem> validate() {
        List<Problem> p = new ArrayList<>();
        if (size < MIN_SIZE || size > MAX_SIZE) {
            p.add(new Problem("size", "risk.matrix.validation.size", MIN_SIZE, MAX_SIZE));
            return p;
        }
        axis(p, "probabilities", probabilities);
        axis(p, "consequences", consequences);
        if (bands.isEmpty()) {
            p.add(new Problem("bands", "risk.matrix.validation.noBands"));
            return p;
        }
        Set<String> codes = new HashSet<>();
        int expected = 1;
        for (ScoreBand b : bands) {
            if (b.code() == null || b.code().isBlank() || !codes.add(b.code())) {
                p.add(new Problem("bands", "risk.matrix.validation.bandCode", b.code()));
            }
            if (b.label() == null || b.label().isBlank()) {
                p.add(new Problem("bands", "risk.matrix.validation.bandLabel", b.from(), b.to()));
            }
            if (b.colour() == null || !COLOUR.matcher(b.colour()).matches()) {
                p.add(new Problem("bands", "risk.matrix.validation.bandColour", b.label()));
            }
            if (b.from() > b.to()) {
                p.add(new Problem("bands", "risk.matrix.validation.bandOrder", b.label(), b.from(), b.to()));
            }
            if (b.from() > expected) {
                p.add(new Problem("bands", "risk.matrix.validation.gap", expected, b.from() - 1));
            } else if (b.from() < expected) {
                p.add(new Problem("bands", "risk.matrix.validation.overlap", b.from(), Math.min(b.to(), expected - 1)));
            }
            expected = Math.max(expected, b.to() + 1);
        }
        if (bands.getFirst().from() < 1 || expected - 1 != maxScore()) {
            p.add(new Problem("bands", "risk.matrix.validation.range", maxScore()));
        }
        return p;
    }

    private void axis(List<Problem> p, String field, List<RiskLevel> levels) {
        if (levels.size() != size) {
            p.add(new Problem(field, "risk.matrix.validation.axisLength", size));
            return;
        }
        for (int i = 0; i < size; i++) {
            RiskLevel l = levels.get(i);
            if (l.value() != i + 1) {
                p.add(new Problem(field, "risk.matrix.validation.axisOrder", i + 1));
            }
            if (l.label() == null || l.label().isBlank()) {
                p.add(new Problem(field, "risk.matrix.validation.axisLabel", i + 1));
            }
        }
    }
}
