package se.kvalitetshjulet.domain.keyfigure;

/**
 * A key figure of our own that Kolada does not have, e.g. personalkontinuitet measured locally ("antal personal en
 * hemtjänsttagare möter under 14 dagar, median").
 */
public record OwnFigure(Long id, String code, String name, Measure measure, String unitLabel, boolean lowerIsBetter,
                        String description) {
    /** How the value was formed: a median or mean of measurements, a share in percent, or a count. */
    public enum Measure { MEDIAN, MEAN, SHARE, COUNT }
}
