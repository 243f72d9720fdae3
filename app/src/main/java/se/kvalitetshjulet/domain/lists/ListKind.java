package se.kvalitetshjulet.domain.lists;

/**
 * The simple lists of "Listor och regler": entries with a name (and for some a stable code), retired rather than
 * deleted once records use them. Deadline rules and laws with their legal references are separate shapes.
 */
public enum ListKind {
    BUSINESS_AREA("verksamhetsomraden", true),
    DEVIATION_CATEGORY("avvikelsekategorier", false),
    CAUSE("orsaker", false),
    MEASURE_TYPE("atgardstyper", false),
    RISK_REASON("riskanledningar", true),
    COUNCIL_TYPE("radstyper", true);

    private final String fileKey;
    private final boolean coded;

    ListKind(String fileKey, boolean coded) {
        this.fileKey = fileKey;
        this.coded = coded;
    }

    /** The key of this list in the lists file. */
    public String fileKey() {
        return fileKey;
    }

    /**
     * Whether entries carry a stable code (and a position set by the coordinator). Entries without a code are
     * identified by their name and listed alphabetically.
     */
    public boolean coded() {
        return coded;
    }

    /** Whether two entries may be merged (their records moved to one of them). */
    public boolean mergeable() {
        return this == DEVIATION_CATEGORY || this == CAUSE || this == MEASURE_TYPE;
    }
}
