package se.kvalitetshjulet.domain.trend;

/** How a trend is drawn: bars alone, a run chart, or the control chart that fits the measure. */
public enum ChartStyle { RUN, CONTROL, BARS }
