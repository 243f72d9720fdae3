package se.kvalitetshjulet.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** Input rejected: nothing was written. */
    public static final int REJECTED = 3;

    private ExitCodes() {
    }
}
