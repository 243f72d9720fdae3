package se.kvalitetshjulet.domain.risk;

/** Kategori för bakomliggande orsak i en händelseanalys (what and why, never who). */
public enum CauseCategory { KOMMUNIKATION, RUTINER, KOMPETENS, TEKNIK, ORGANISATION, MILJO, ANNAT }
