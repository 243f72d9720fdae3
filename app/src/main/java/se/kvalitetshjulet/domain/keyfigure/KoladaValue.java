package se.kvalitetshjulet.domain.keyfigure;

/**
 * One Kolada value. {@code value} null is a missing value (never 0); {@code status} is Kolada's own status text;
 * {@code memberCount} &gt; 1 means a municipality group whose value is the unweighted mean of its members; gender is
 * T (total), K (kvinnor) or M (män). {@code ouCode} is "" for a municipality value and the unit's code for ou data.
 */
public record KoladaValue(String kpiId, String municipalityCode, String ouCode, int period, String gender, Double value,
                          String status, int memberCount) {
    public KoladaValue {
        ouCode = ouCode == null ? "" : ouCode;
        status = status == null ? "" : status;
    }

    public boolean isGroupMean() {
        return memberCount > 1;
    }
}
