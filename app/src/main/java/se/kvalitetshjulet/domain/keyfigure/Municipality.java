package se.kvalitetshjulet.domain.keyfigure;

/** A municipality, region or municipality group in Kolada ("0000" is Riket, the whole country). */
public record Municipality(String code, String title, String type) {
    public static final String NATIONAL = "0000";

    public boolean isGroup() {
        return "G".equalsIgnoreCase(type) || (code != null && code.startsWith("G"));
    }
}
