package se.kvalitetshjulet.service.keyfigure;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.Unit;

/** A small organisation with the units the fixtures name, and the fixture files. */
final class KfFixtures {
    private KfFixtures() {
    }

    static Map<String, Long> organisation(AppContext ctx) {
        Map<String, Long> ids = new LinkedHashMap<>();
        Unit adm = ctx.organisation().save(new Unit(null, null, "Vård- och omsorgsförvaltningen", OrgLevel.FORVALTNING,
                null, null, null, null, null)).value();
        Unit ht = ctx.organisation().save(new Unit(null, adm.id(), "Avdelning hemtjänst", OrgLevel.AVDELNING, null, null,
                null, null, null)).value();
        for (String name : new String[] {"Hemtjänst Norr", "Hemtjänst Syd", "Nattpatrullen"}) {
            Unit u = ctx.organisation().save(new Unit(null, ht.id(), name, OrgLevel.ENHET, null, null, null, null, null))
                    .value();
            ids.put(name, u.id());
        }
        ids.put("Avdelning hemtjänst", ht.id());
        return ids;
    }

    static Path file(String name) {
        try {
            return Path.of(KfFixtures.class.getResource("/keyfigure/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
