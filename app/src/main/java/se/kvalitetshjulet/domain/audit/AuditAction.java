package se.kvalitetshjulet.domain.audit;

public enum AuditAction { INSERT, UPDATE, DELETE }
