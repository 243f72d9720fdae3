package se.kvalitetshjulet.domain.keyfigure;

/** A key figure of Kolada's catalogue (nyckeltal), e.g. U21468 "Brukarbedömning hemtjänst äldreomsorg – helhetssyn". */
public record Kpi(String id, String title, String description, boolean dividedByGender, String municipalityType,
                  String operatingArea, String perspective, boolean hasOuData, String publicationPeriod) {
    /** Whether the value is a share in percent (Kolada titles end with "andel (%)" or "(%)"). */
    public boolean isShare() {
        return title != null && title.contains("(%)");
    }
}
