package se.kvalitetshjulet.domain.org;

/** Kommunal utförare eller privat utförare på uppdrag av kommunen. */
public enum ProviderKind { KOMMUNAL, PRIVAT }
