package se.kvalitetshjulet.service.keyfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A column of the national user survey's unit results ("Vad tycker de äldre om äldreomsorgen?", Socialstyrelsen's
 * Excel/CSV per enhet) with the headers the default mapping recognises, compared as the deviation import does
 * ({@code ValueParsers.key}: case, å/ä/ö and punctuation do not matter). The mapping is documented in
 * docs/decisions/0012-key-figures-compared-honestly.md.
 */
public enum SurveyField {
    UNIT("unit", "Enhet", "Enhet", "Enhetsnamn", "Verksamhet", "Verksamhetsnamn", "Enhet/verksamhet", "Utförare",
            "Hemtjänstområde", "Boende", "Unit"),
    YEAR("year", "År", "År", "Undersökningsår", "Mätår", "Year"),
    QUESTION_CODE("questionCode", "Frågenummer", "Frågenummer", "Frågenr", "Fråga nr", "Frågekod", "Indikator-id",
            "Question code"),
    QUESTION("question", "Fråga", "Fråga", "Frågetext", "Indikator", "Question"),
    SHARE("share", "Andel positiva (%)", "Andel positiva (%)", "Andel positiva", "Andel positiva svar (%)",
            "Andel positiva svar", "Resultat (%)", "Resultat", "Andel (%)", "Andel", "Share"),
    RESPONDENTS("respondents", "Antal svarande", "Antal svarande", "Svarande", "Antal svar", "Antal besvarade",
            "Respondents"),
    INVITED("invited", "Antal tillfrågade", "Antal tillfrågade", "Tillfrågade", "Antal utskick", "Utskick",
            "Antal i urval", "Urval", "Invited"),
    RESPONSE_RATE("responseRate", "Svarsfrekvens (%)", "Svarsfrekvens (%)", "Svarsfrekvens", "Response rate");

    private final String jsonName;
    private final String label;
    private final List<String> synonyms;

    SurveyField(String jsonName, String label, String... synonyms) {
        this.jsonName = jsonName;
        this.label = label;
        this.synonyms = List.of(synonyms);
    }

    public String jsonName() {
        return jsonName;
    }

    public String label() {
        return label;
    }

    public List<String> synonyms() {
        return synonyms;
    }

    public static Optional<SurveyField> fromJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equalsIgnoreCase(name)).findFirst();
    }
}
