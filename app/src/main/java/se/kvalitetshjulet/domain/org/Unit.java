package se.kvalitetshjulet.domain.org;

import java.time.LocalDate;

/** A node of the organisation tree (förvaltning, avdelning, enhet or sektion). */
public record Unit(Long id, Long parentId, String name, OrgLevel level, Long businessAreaId,
                   ProviderKind providerKind, String providerName, LocalDate activeFrom, LocalDate activeTo) {

    public Unit withName(String newName) {
        return new Unit(id, parentId, newName, level, businessAreaId, providerKind, providerName, activeFrom, activeTo);
    }

    public Unit withParent(Long newParentId) {
        return new Unit(id, newParentId, name, level, businessAreaId, providerKind, providerName, activeFrom, activeTo);
    }

    public boolean activeOn(LocalDate day) {
        return (activeFrom == null || !day.isBefore(activeFrom)) && (activeTo == null || !day.isAfter(activeTo));
    }
}
