package se.kvalitetshjulet.ui.deviation;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;

/** The register's filter as stored JSON (ids and names, not screen objects). */
record SavedDeviationFilter(String kind, String status, Long unitId, Long areaId, Long categoryId, String from, String to,
                            boolean overdueOnly, String text) {
    /** Jackson made when it is first needed, not when the window starts (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static SavedDeviationFilter of(DeviationListViewModel vm) {
        return new SavedDeviationFilter(
                vm.kindProperty().get() == null ? null : vm.kindProperty().get().name(),
                vm.statusProperty().get() == null ? null : vm.statusProperty().get().name(),
                vm.unitProperty().get() == null ? null : vm.unitProperty().get().id(),
                vm.areaProperty().get() == null ? null : vm.areaProperty().get().id(),
                vm.categoryProperty().get() == null ? null : vm.categoryProperty().get().id(),
                vm.fromProperty().get() == null ? null : vm.fromProperty().get().toString(),
                vm.toProperty().get() == null ? null : vm.toProperty().get().toString(),
                vm.overdueOnlyProperty().get(), vm.textProperty().get());
    }

    String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SavedDeviationFilter fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, SavedDeviationFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Det sparade filtret kunde inte läsas.", e);
        }
    }

    void applyTo(DeviationListViewModel vm) {
        vm.kindProperty().set(kind == null ? null : DeviationKind.valueOf(kind));
        vm.statusProperty().set(status == null ? null : DeviationStatus.valueOf(status));
        vm.unitProperty().set(vm.units().stream().filter(u -> u.id().equals(unitId)).findFirst().orElse(null));
        vm.areaProperty().set(vm.areas().stream().filter(a -> areaId != null && a.id() == areaId).findFirst().orElse(null));
        vm.categoryProperty().set(vm.categories().stream().filter(c -> categoryId != null && c.id() == categoryId)
                .findFirst().orElse(null));
        vm.fromProperty().set(from == null ? null : LocalDate.parse(from));
        vm.toProperty().set(to == null ? null : LocalDate.parse(to));
        vm.overdueOnlyProperty().set(overdueOnly);
        vm.textProperty().set(text == null ? "" : text);
    }
}
