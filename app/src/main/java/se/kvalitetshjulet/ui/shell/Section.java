package se.kvalitetshjulet.ui.shell;

/** The screens reachable from the navigation, in order. */
public enum Section { HOME, DEVIATIONS, PATTERNS, TRENDS, SELFCHECKS, RISKS, REPORTS, ACTIONS, COUNCILS, QUALITY, CALENDAR, KEYFIGURES, ORGANISATION, LISTS, SETTINGS }
