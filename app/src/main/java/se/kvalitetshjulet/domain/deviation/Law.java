package se.kvalitetshjulet.domain.deviation;

/** Lagrum: socialtjänstlagen, LSS, hälso- och sjukvårdslagen, patientsäkerhetslagen. */
public enum Law { SOL, LSS, HSL, PSL }
