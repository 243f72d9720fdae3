package se.kvalitetshjulet.domain.report;

import java.util.Locale;

/** File formats a report is written in (rapportformat). */
public enum ReportFormat {
    DOCX, PDF, XLSX;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name asks for, or {@code null} when it ends otherwise. */
    public static ReportFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (n.endsWith("." + f.extension())) {
                return f;
            }
        }
        return null;
    }
}
