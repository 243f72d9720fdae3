package se.kvalitetshjulet.domain.spc;

import java.util.Locale;
import java.util.Optional;

/**
 * The chart types the SPC engine supports, named as in qicharts2 ({@code chart = 'run'}, {@code 'i'}, ...).
 *
 * <p>Each type knows whether it needs denominators, because that decides what a user must enter
 * (a count per month for a C chart, a count and a number of residents or bed days for U and P
 * charts) long before anything is computed.
 */
public enum ChartType {
    /** Run chart: median as centre line, Anhøj runs rules only. */
    RUN("run", Denominators.OPTIONAL),
    /** Individuals (XmR) chart of single measurements or ratios. */
    I("i", Denominators.OPTIONAL),
    /** Moving range chart belonging to an I chart. */
    MR("mr", Denominators.OPTIONAL),
    /** Counts of events with a constant area of opportunity. */
    C("c", Denominators.NOT_ALLOWED),
    /** Rates: counts per unit of exposure (e.g. falls per 1 000 bed days). */
    U("u", Denominators.REQUIRED),
    /** Proportions: cases per denominator (e.g. residents with a pressure ulcer). */
    P("p", Denominators.REQUIRED),
    /** Laney's P′ chart, for proportions with large denominators and extra-binomial variation. */
    PP("pp", Denominators.REQUIRED),
    /** Laney's U′ chart, for rates with large denominators and extra-Poisson variation. */
    UP("up", Denominators.REQUIRED),
    /**
     * I′ chart (qicharts2's {@code 'ip'}): individuals of ratios with varying denominators, the limits
     * widened where the denominator is small (Taylor); without denominators every point weighs 1.
     */
    IP("ip", Denominators.OPTIONAL),
    /**
     * G chart of opportunities (or events of another kind) between rare events, e.g. deviations
     * between two lex Sarah reports: centre line is the median, limits from the geometric
     * distribution.
     */
    G("g", Denominators.NOT_ALLOWED),
    /**
     * T chart of the time between rare events, e.g. days between two lex Maria reports: an I chart
     * of the times raised to 1/3.6 (Nelson), back-transformed.
     */
    T("t", Denominators.NOT_ALLOWED);

    /** Whether a chart type takes a denominator for each value. */
    public enum Denominators { REQUIRED, OPTIONAL, NOT_ALLOWED }

    private final String code;
    private final Denominators denominators;

    ChartType(String code, Denominators denominators) {
        this.code = code;
        this.denominators = denominators;
    }

    /** The short name used by qicharts2 and on the command line ({@code run}, {@code i}, ..., {@code up}). */
    public String code() {
        return code;
    }

    public Denominators denominators() {
        return denominators;
    }

    /** Run charts have a median and no control limits; every other type has 3-sigma limits. */
    public boolean hasControlLimits() {
        return this != RUN;
    }

    /**
     * Whether the Anhøj runs rules give a signal for this type. qicharts2 computes the runs analysis
     * for MR charts too but never signals on it, since consecutive moving ranges are correlated.
     */
    public boolean runsRulesApply() {
        return this != MR;
    }

    /** Whether the centre line is a median (run and G charts) rather than a mean. */
    public boolean medianCentre() {
        return this == RUN || this == G;
    }

    /** Charts of the time or opportunities between events: a higher point means fewer events. */
    public boolean betweenEvents() {
        return this == G || this == T;
    }

    /** Looks a type up by its code, ignoring case. */
    public static Optional<ChartType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        for (ChartType type : values()) {
            if (type.code.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
