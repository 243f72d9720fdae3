package se.kvalitetshjulet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.PostgresServer;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.data.ServerMigration;
import se.kvalitetshjulet.data.ServerUrl;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.UnitLookup;

/**
 * {@code server init|grant|revoke|users|migrate}: setting up and running a förvaltning's shared PostgreSQL database
 * (decision 10). Run by the person who administers it (the owner of the database, with CREATEROLE).
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serverdatabas (PostgreSQL) för en hel förvaltning: lägg upp, ge och ta behörigheter, flytta in en fil.",
        subcommands = {ServerCommand.Init.class, ServerCommand.Grant.class, ServerCommand.Revoke.class,
                ServerCommand.Users.class, ServerCommand.Migrate.class})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    static ServerUrl serverUrl(DbOption db, CommandSpec spec) {
        if (!db.isServer()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Ange serverdatabasen med --db postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS.");
        }
        return db.serverUrl();
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Lägger upp (eller uppgraderar) schemat, programmets roller och radsäkerheten i serverdatabasen.")
    static final class Init implements Callable<Integer> {
        @Mixin
        DbOption db;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServerUrl url = serverUrl(db, spec);
            try (Database opened = PostgresServer.open(url, PostgresServer.Mode.INIT)) {
                spec.commandLine().getOut().printf("Serverdatabasen %s är klar (schema %s, serverschema %s).%n"
                                + "Roller: %s. Ge behörighet med: server grant INLOGGNING --role ROLL --unit ENHET --db %s%n",
                        opened.describe(), Database.latestKnownVersion(), PostgresServer.latestServerVersion(),
                        AccessRole.cliNames(), url);
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Ger en inloggning en roll i en enhet och allt under den.")
    static final class Grant implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "PostgreSQL-inloggningen (som IT skapat, eller --create).")
        String login;
        @Option(names = "--role", required = true, paramLabel = "ROLL",
                description = "sektionschef, kvalitetsutvecklare, sas, mas, radsledamot eller lasare.")
        String role;
        @Option(names = "--unit", required = true, paramLabel = "SÖKVÄG|ID",
                description = "Enhetens id eller sökväg, t.ex. \"Vård och omsorg/Solbackens äldreboende\".")
        String unit;
        @Option(names = "--create", description = "Skapa inloggningen om den inte finns.")
        boolean create;
        @Option(names = "--password-stdin", description = "Med --create: läs lösenordet från standard in (en rad).")
        boolean passwordStdin;
        @Mixin
        DbOption db;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ServerUrl url = serverUrl(db, spec);
            AccessRole r = AccessRole.fromCli(role).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "Okänd roll '" + role + "'. Välj en av: " + AccessRole.cliNames() + "."));
            if (ServerAccess.checkLogin(login) != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), ServerAccess.checkLogin(login));
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AppContext ctx = new AppContext(Database.open(url.toString()), Clock.systemDefaultZone())) {
                OrgTree tree = ctx.organisation().tree();
                Long unitId = resolveUnit(tree, unit, err);
                if (unitId == null) {
                    return ExitCodes.REJECTED;
                }
                ServerAccess access = new ServerAccess(ctx.database(), ctx.audit());
                if (!access.loginExists(login)) {
                    if (!create) {
                        err.println("Inloggningen " + login + " finns inte på servern. Be IT skapa den, eller lägg till "
                                + "--create (lösenordet med --password-stdin, annars sätter IT det). Inget har ändrats.");
                        return ExitCodes.REJECTED;
                    }
                    String password = passwordStdin ? readLine() : null;
                    access.createLogin(login, password);
                    out.println("Inloggningen " + login + " skapades" + (password == null ? " utan lösenord (IT sätter det)." : "."));
                }
                boolean added = access.grant(login, r, unitId);
                out.printf("%s: %s i %s%s.%n", login, r.swedishName(), tree.path(unitId), added ? "" : " (fanns redan)");
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Tar bort en inloggnings roll (i en enhet, eller alla).")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN")
        String login;
        @Option(names = "--role", paramLabel = "ROLL", description = "Bara den här rollen (standard: alla).")
        String role;
        @Option(names = "--unit", paramLabel = "SÖKVÄG|ID", description = "Bara i den här enheten (standard: alla).")
        String unit;
        @Mixin
        DbOption db;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServerUrl url = serverUrl(db, spec);
            AccessRole r = role == null ? null : AccessRole.fromCli(role).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "Okänd roll '" + role + "'. Välj en av: " + AccessRole.cliNames() + "."));
            try (AppContext ctx = new AppContext(Database.open(url.toString()), Clock.systemDefaultZone())) {
                Long unitId = null;
                if (unit != null) {
                    unitId = resolveUnit(ctx.organisation().tree(), unit, spec.commandLine().getErr());
                    if (unitId == null) {
                        return ExitCodes.REJECTED;
                    }
                }
                int n = new ServerAccess(ctx.database(), ctx.audit()).revoke(login, r, unitId);
                spec.commandLine().getOut().printf("%d behörighet%s borttagen för %s.%n", n, n == 1 ? "" : "er", login);
                return n > 0 ? ExitCodes.OK : ExitCodes.REJECTED;
            }
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "Visar vem som får göra vad var.")
    static final class Users implements Callable<Integer> {
        @Mixin
        DbOption db;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServerUrl url = serverUrl(db, spec);
            try (AppContext ctx = new AppContext(Database.open(url.toString()), Clock.systemDefaultZone())) {
                OrgTree tree = ctx.organisation().tree();
                List<ServerAccess.Grant> grants = new ServerAccess(ctx.database(), ctx.audit()).grants();
                PrintWriter out = spec.commandLine().getOut();
                out.println("Inloggning\tRoll\tEnhet\tGiven\tAv");
                for (ServerAccess.Grant g : grants) {
                    out.printf("%s\t%s\t%s\t%s\t%s%n", g.login(), g.role().cliName(), tree.path(g.unitId()),
                            g.grantedAt().toLocalDate(), g.grantedBy());
                }
                out.printf("%d behörigheter.%n", grants.size());
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Flyttar en lokal databasfil till en tom, upplagd serverdatabas: allt eller inget, ändringsloggen med.")
    static final class Migrate implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "FIL.db", description = "Den lokala databasfilen.")
        Path from;
        @Mixin
        DbOption db;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ServerUrl url = serverUrl(db, spec);
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(from)) {
                spec.commandLine().getErr().println("Filen " + from + " finns inte. Inget har ändrats.");
                return ExitCodes.REJECTED;
            }
            try (Database file = Database.open(from); Database server = Database.open(url.toString())) {
                ServerMigration.Result result;
                try {
                    result = ServerMigration.copy(file, server, t -> { });
                } catch (ServerMigration.Refused e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return ExitCodes.REJECTED;
                }
                out.println("Tabell\tI filen\tPå servern");
                for (ServerMigration.TableCount c : result.tables()) {
                    out.printf("%s\t%d\t%d%n", c.table(), c.inFile(), c.onServer());
                }
                out.printf("Klart: %d rader i %d tabeller kopierade från %s till %s; alla antal lika, ändringsloggen "
                        + "identisk (SHA-256 %s).%n", result.rows(), result.tables().size(), from, server.describe(),
                        result.auditDigest().substring(0, 16));
                return ExitCodes.OK;
            }
        }
    }

    private static String readLine() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null || line.isEmpty() ? null : line;
    }

    /** A unit by id or path; prints why not and returns null when it is missing or ambiguous. */
    static Long resolveUnit(OrgTree tree, String value, PrintWriter err) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            long id = Long.parseLong(v);
            if (tree.find(id).isPresent()) {
                return id;
            }
            err.println("Enheten med id " + id + " finns inte. Inget har ändrats.");
            return null;
        }
        UnitLookup.Result r = new UnitLookup(tree).find(v);
        if (r instanceof UnitLookup.Found f) {
            return f.unitId();
        }
        if (r instanceof UnitLookup.Ambiguous a) {
            err.println("Enheten '" + v + "' är tvetydig; skriv hela sökvägen, t.ex. " + String.join(" eller ", a.paths())
                    + ". Inget har ändrats.");
        } else if (r instanceof UnitLookup.Missing m) {
            err.println("Enheten '" + v + "' finns inte" + (m.sameName().isEmpty() ? "" : "; menar du "
                    + String.join(" eller ", m.sameName()) + "?") + " Inget har ändrats.");
        }
        return null;
    }
}
