package se.kvalitetshjulet.service;

import java.util.List;
import java.util.function.Function;

import se.kvalitetshjulet.domain.Problem;

/** Either the saved value or the problems that stopped it; nothing half-written. */
public record SaveResult<T>(T value, List<Problem> problems) {
    public static <T> SaveResult<T> saved(T value) {
        return new SaveResult<>(value, List.of());
    }

    public static <T> SaveResult<T> rejected(List<Problem> problems) {
        return new SaveResult<>(null, List.copyOf(problems));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The same outcome with the saved value turned by {@code f} (not called when rejected). */
    public <U> SaveResult<U> map(Function<? super T, ? extends U> f) {
        return ok() ? saved(f.apply(value)) : rejected(problems);
    }
}
