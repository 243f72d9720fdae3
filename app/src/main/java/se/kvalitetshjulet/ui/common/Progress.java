package se.kvalitetshjulet.ui.common;

/** What background work sees: report progress, check whether the user cancelled. */
public interface Progress {
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link java.util.concurrent.CancellationException} when the user has cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException();
        }
    }
}
