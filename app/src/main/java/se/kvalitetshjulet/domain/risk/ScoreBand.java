package se.kvalitetshjulet.domain.risk;

/**
 * Riskområde: a range of risk scores [from, to] with a name and a colour (#rrggbb). The default code names are
 * LAG, MEDEL, HOG, MYCKET_HOG (låg, medel, hög, mycket hög); labels and colours are editable.
 */
public record ScoreBand(String code, String label, int from, int to, String colour) {
    public boolean contains(int score) {
        return score >= from && score <= to;
    }
}
