package se.kvalitetshjulet.domain.spc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the signals of one part into short plain-language sentences, so that a unit manager can
 * read "9 punkter i rad över medianen (gräns 8): trolig verklig förändring" instead of having to
 * know what a runs analysis is.
 *
 * <p>The texts live in {@code i18n/spc.properties} (Swedish) and {@code i18n/spc_en.properties}.
 * The order is: points outside the limits, the shift rule, the crossings rule, and otherwise "no
 * signals". A note is added when there are fewer useful observations than the smallest n in
 * Anhøj's table of critical values (10), because the rules then rarely signal.
 */
public final class SignalExplainer {
    /** The smallest number of useful observations in Anhøj &amp; Olesen's table of critical values. */
    static final int FEW_USEFUL_OBSERVATIONS = 10;

    private final SpcMessages messages;

    public SignalExplainer(Locale locale) {
        this.messages = SpcMessages.forLocale(locale);
    }

    /** Swedish explanations. */
    public static SignalExplainer swedish() {
        return new SignalExplainer(Locale.of("sv"));
    }

    /** Explanations in the application's language (see {@link SpcMessages#applicationLocale()}). */
    public static SignalExplainer forApplicationLocale() {
        return new SignalExplainer(SpcMessages.applicationLocale());
    }

    /** The explanations for part {@code partNumber} (1-based) of {@code result}. */
    public List<String> explain(SpcResult result, int partNumber) {
        ChartType chart = result.chart();
        SpcPart part = result.part(partNumber);
        RunsAnalysis runs = part.runs();
        String line = chart.medianCentre() ? "median" : "centre";
        List<String> sentences = new ArrayList<>();
        if (chart.hasControlLimits() && part.pointsOutside() > 0) {
            sentences.add(messages.get("signal.outside", part.pointsOutside()));
        }
        if (chart.runsRulesApply() && runs.longestRunTooLong()) {
            String side = runs.longestRunSide() == RunsAnalysis.Side.ABOVE ? "above" : "below";
            sentences.add(messages.get("signal.longestRun", runs.longestRun(),
                    messages.get("side." + side + "." + line), runs.longestRunLimit()));
        }
        if (chart.runsRulesApply() && runs.tooFewCrossings()) {
            sentences.add(messages.get("signal.crossings." + line, runs.crossings(), runs.crossingsLimit()));
        }
        if (sentences.isEmpty()) {
            sentences.add(messages.get("signal.none"));
        }
        if (chart.runsRulesApply() && runs.nUseful() < FEW_USEFUL_OBSERVATIONS) {
            sentences.add(messages.get("note.fewUseful", runs.nUseful(), FEW_USEFUL_OBSERVATIONS));
        }
        return List.copyOf(sentences);
    }

    /** The explanations of every part, in order. */
    public List<List<String>> explainAll(SpcResult result) {
        List<List<String>> all = new ArrayList<>();
        for (SpcPart part : result.parts()) {
            all.add(explain(result, part.number()));
        }
        return List.copyOf(all);
    }
}
