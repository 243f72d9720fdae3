package se.kvalitetshjulet.domain.me;

import se.kvalitetshjulet.domain.org.AccessRole;

/** One of the logged-in person's own grants on a server: a role in a unit (and everything under it). */
public record RoleGrant(AccessRole role, long unitId) {
}
