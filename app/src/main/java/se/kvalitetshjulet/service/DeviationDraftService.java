package se.kvalitetshjulet.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import se.kvalitetshjulet.data.repo.DeviationDraftRepository;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind;

/**
 * Autosave of the deviation editor (issue 18, decision 0027): the form as it stands is kept as a draft in the
 * database, per person, and offered when the same form is opened again ("Fortsätt med utkastet från 14:02"). The
 * draft follows the privacy policy: under "refuse" for deviations every identifying detail is masked before it is
 * written (a refused text could never be saved anyway), with "refuse identity numbers" those are.
 */
public final class DeviationDraftService {
    /** A draft as offered: the form's values and when they were written. */
    public record Draft(Deviation deviation, LocalDateTime savedAt) { }

    /** Jackson made when it is first needed, not when the database opens (decision 0039). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    private final DeviationDraftRepository drafts;
    private final PrivacyService privacy;
    private final SettingsService settings;
    private final Clock clock;

    public DeviationDraftService(DeviationDraftRepository drafts, PrivacyService privacy, SettingsService settings,
                                 Clock clock) {
        this.drafts = drafts;
        this.privacy = privacy;
        this.settings = settings;
        this.clock = clock;
    }

    /** The draft's key: 'new' for a deviation not yet saved, 'd&lt;id&gt;' for an existing one. */
    public static String key(Long deviationId) {
        return deviationId == null ? "new" : "d" + deviationId;
    }

    /** Writes (or replaces) the draft of this form. */
    public LocalDateTime save(Deviation form) {
        LocalDateTime at = LocalDateTime.now(clock).withNano(0);
        Deviation kept = masked(form);
        try {
            drafts.put(key(form.id()), form.id(), at, Json.MAPPER.writeValueAsString(kept));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Utkastet kunde inte sparas: " + e.getOriginalMessage(), e);
        }
        return at;
    }

    /** The draft of the form for this deviation (null: a new one), if one is kept and can be read. */
    public Optional<Draft> find(Long deviationId) {
        return drafts.find(key(deviationId)).flatMap(s -> {
            try {
                return Optional.of(new Draft(Json.MAPPER.readValue(s.content(), Deviation.class), s.savedAt()));
            } catch (JsonProcessingException e) {
                // a draft of an older build that no longer reads is dropped, never shown half
                drafts.delete(s.key());
                return Optional.empty();
            }
        });
    }

    public void discard(Long deviationId) {
        drafts.delete(key(deviationId));
    }

    private Deviation masked(Deviation d) {
        EnumSet<PrivacyCheck.Kind> kinds;
        if (privacy.refuses(TextKind.DEVIATION)) {
            kinds = EnumSet.allOf(PrivacyCheck.Kind.class);
        } else if (settings.preference(PrivacyService.LEGACY_REFUSE_ID_NUMBERS).map(Boolean::parseBoolean).orElse(false)
               ) {
            kinds = EnumSet.of(PrivacyCheck.Kind.IDENTITY_NUMBER);
        } else {
            return d;
        }
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), PrivacyCheck.mask(d.reporterRole(), kinds),
                PrivacyCheck.mask(d.title(), kinds), PrivacyCheck.mask(d.description(), kinds),
                PrivacyCheck.mask(d.immediateActions(), kinds), PrivacyCheck.mask(d.facts(), kinds),
                PrivacyCheck.mask(d.causeText(), kinds), d.causeIds(), d.assessment(), d.serious(), d.ivoReportedOn(),
                d.ivoReference(), d.externalSource(), d.externalId(), d.ivoDetails());
    }
}
