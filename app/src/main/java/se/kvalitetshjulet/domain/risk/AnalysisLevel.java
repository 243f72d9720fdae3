package se.kvalitetshjulet.domain.risk;

/** Nivå där analysen görs: individ-, enhets- eller förvaltningsnivå. Individual analyses recur every half year. */
public enum AnalysisLevel { INDIVID, ENHET, FORVALTNING }
