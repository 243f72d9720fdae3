package se.kvalitetshjulet.ui.trend;

/** How a trend is drawn: bars alone, a run chart, or the control chart that fits the measure. */
public enum ChartStyle { RUN, CONTROL, BARS }
