package se.kvalitetshjulet.domain.report;

/**
 * Where the names on a report's cover are kept (settings keys): the nämnd and the förvaltning, as the coordinator
 * writes them (Listor och regler, the first-start guide).
 */
public final class CoverNames {
    public static final String SETTING_BOARD = "organisation.board";
    public static final String SETTING_ADMINISTRATION = "organisation.administration";

    private CoverNames() {
    }
}
