package se.kvalitetshjulet.service.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A field of a deviation that an import can fill, with its name in mapping files (JSON), its
 * Swedish label (for the command line and error reports) and the column headers that the
 * default mapping recognises: our own export headers first, then common synonyms from other
 * systems. Headers are compared after {@link ValueParsers#key(String)}: case, å/ä/ö and
 * punctuation do not matter.
 */
public enum ImportField {
    EXTERNAL_ID("externalId", "Externt id",
            "Ärendenummer", "Ärendenr", "Ärende nr", "Ärende-id", "Ärendereferens", "Avvikelsenummer", "Avvikelse-id",
            "Avvikelsenr", "Löpnummer", "Löpnr", "Id", "Externt id", "External id", "Nr", "Nummer", "Referens"),
    KIND("kind", "Typ",
            "Typ", "Avvikelsetyp", "Typ av avvikelse", "Ärendetyp", "Händelsetyp", "Rapporttyp", "Kind", "Type"),
    LAW("law", "Lagrum", "Lagrum", "Lag", "Författning", "Law"),
    UNIT("unit", "Enhet",
            "Enhet", "Enhetsnamn", "Enhet/avdelning", "Verksamhet", "Arbetsplats", "Organisation", "Organisationsenhet",
            "Avdelning", "Unit"),
    CATEGORY("category", "Kategori",
            "Kategori", "Avvikelsekategori", "Händelsekategori", "Huvudkategori", "Category"),
    STATUS("status", "Status", "Status", "Ärendestatus", "Handläggningsstatus", "Läge", "State"),
    OCCURRED_ON("occurredOn", "Inträffad",
            "Inträffad", "Inträffade", "Inträffat", "Händelsedatum", "Datum för händelsen", "Händelsen inträffade",
            "Occurred"),
    REPORTED_ON("reportedOn", "Rapporterad",
            "Rapporterad", "Rapporteringsdatum", "Rapportdatum", "Anmäld", "Anmälningsdatum", "Inkom", "Inkommen",
            "Inkommet", "Inkomstdatum", "Mottagen", "Reported"),
    REGISTERED_ON("registeredOn", "Registrerad",
            "Registrerad", "Registreringsdatum", "Registrerat", "Skapad", "Skapad datum", "Skapat", "Datum",
            "Registered", "Date"),
    DUE_ON("dueOn", "Sista dag", "Sista dag", "Sista datum", "Förfallodatum", "Klart senast", "Deadline", "Due"),
    CLOSED_ON("closedOn", "Avslutad", "Avslutad", "Avslutsdatum", "Avslutat", "Stängd", "Stängningsdatum", "Closed"),
    REPORTER_ROLE("reporterRole", "Rapporterad av (roll)",
            "Rapporterad av (roll)", "Rapportör (roll)", "Rapportörens roll", "Rapportör", "Roll", "Yrkesroll",
            "Befattning", "Yrke", "Reporter role"),
    TITLE("title", "Rubrik",
            "Rubrik", "Titel", "Ämne", "Kort beskrivning", "Sammanfattning", "Title", "Subject"),
    DESCRIPTION("description", "Beskrivning",
            "Beskrivning", "Händelsebeskrivning", "Beskrivning av händelsen", "Vad hände", "Fritext", "Text",
            "Description"),
    IMMEDIATE_ACTIONS("immediateActions", "Omedelbara åtgärder",
            "Omedelbara åtgärder", "Omedelbar åtgärd", "Vidtagna åtgärder", "Direkta åtgärder", "Åtgärder direkt",
            "Immediate actions"),
    FACTS("facts", "Fakta", "Fakta", "Utredningsfakta", "Fakta från utredningen", "Facts"),
    CAUSE_TEXT("causeText", "Orsaker (text)",
            "Orsaker (text)", "Orsak", "Orsaker", "Bakomliggande orsak", "Bakomliggande orsaker", "Causes"),
    ASSESSMENT("assessment", "Bedömning", "Bedömning", "Bedömt som", "Assessment"),
    SERIOUS("serious", "Allvarlig", "Allvarlig", "Allvarligt", "Serious"),
    IVO_REPORTED_ON("ivoReportedOn", "Anmäld till IVO",
            "Anmäld till IVO", "Anmält till IVO", "IVO-anmälan", "Datum anmälan IVO"),
    IVO_REFERENCE("ivoReference", "IVO-diarienummer", "IVO-diarienummer", "IVO:s diarienummer", "Diarienummer IVO"),
    /** Cause categories from the causes list (several in one cell, separated by , ; | or line breaks). */
    CAUSES("causes", "Orsakskategorier",
            "Orsakskategorier", "Orsakskategori", "Orsakstyp", "Orsakstyper", "Typ av orsak", "Cause categories"),
    /** Measure types from the measure-type list; each becomes a measure of the deviation. */
    MEASURE_TYPES("measureTypes", "Åtgärdstyper",
            "Åtgärdstyper", "Åtgärdstyp", "Typ av åtgärd", "Åtgärdskategori", "Åtgärdskategorier", "Measure types");

    private final String jsonName;
    private final String label;
    private final List<String> synonyms;

    ImportField(String jsonName, String label, String... synonyms) {
        this.jsonName = jsonName;
        this.label = label;
        this.synonyms = List.of(synonyms);
    }

    /** The name in saved mappings (JSON), e.g. {@code externalId}. */
    public String jsonName() {
        return jsonName;
    }

    /** Swedish label for the command line and the error report. */
    public String label() {
        return label;
    }

    /** Column headers the default mapping recognises, best first. */
    public List<String> synonyms() {
        return synonyms;
    }

    /** Fields holding dates. */
    public boolean isDate() {
        return this == OCCURRED_ON || this == REPORTED_ON || this == REGISTERED_ON || this == DUE_ON || this == CLOSED_ON
                || this == IVO_REPORTED_ON;
    }

    /** Free-text fields that are checked for identity numbers. */
    public boolean isFreeText() {
        return this == TITLE || this == DESCRIPTION || this == IMMEDIATE_ACTIONS || this == FACTS || this == CAUSE_TEXT
                || this == REPORTER_ROLE;
    }

    public static Optional<ImportField> fromJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equalsIgnoreCase(name)).findFirst();
    }
}
