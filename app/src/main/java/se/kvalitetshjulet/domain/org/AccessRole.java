package se.kvalitetshjulet.domain.org;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do in a shared (server) database, within the units they are granted (decision 10). The command
 * line uses {@link #cliName()}; the database has one group role per access role ({@link #databaseRole()}).
 */
public enum AccessRole {
    /** Sektionschef/enhetschef: register and follow the own units' deviations, self-checks and actions. */
    SEKTIONSCHEF("sektionschef", "Sektionschef/enhetschef"),
    /** Kvalitetsutvecklare: everything, templates, rounds, reports. */
    KVALITETSUTVECKLARE("kvalitetsutvecklare", "Kvalitetsutvecklare"),
    /** SAS: lex Sarah cases. */
    SAS("sas", "Särskilt ansvarig för socialtjänst (SAS)"),
    /** MAS/MAR: lex Maria and HSL cases. */
    MAS("mas", "Medicinskt ansvarig (MAS/MAR)"),
    /** Rådsledamot: a council's units, read and decisions. */
    RADSLEDAMOT("radsledamot", "Ledamot i kvalitetsråd"),
    /** Läsare/nämnd: aggregates only, no free text. */
    LASARE("lasare", "Läsare/nämnd");

    private final String cliName;
    private final String swedishName;

    AccessRole(String cliName, String swedishName) {
        this.cliName = cliName;
        this.swedishName = swedishName;
    }

    public String cliName() {
        return cliName;
    }

    public String swedishName() {
        return swedishName;
    }

    /** The PostgreSQL group role that carries this access role's privileges and policies. */
    public String databaseRole() {
        return "kvh_" + cliName;
    }

    public static Optional<AccessRole> fromCli(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.cliName.equals(n)).findFirst();
    }

    /** The command-line names, for messages: "sektionschef, kvalitetsutvecklare, …". */
    public static String cliNames() {
        return String.join(", ", Arrays.stream(values()).map(AccessRole::cliName).toList());
    }
}
