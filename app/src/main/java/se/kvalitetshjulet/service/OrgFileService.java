package se.kvalitetshjulet.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.UnitExternalIdRepository;
import se.kvalitetshjulet.data.repo.UnitRepository;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.org.UnitLookup;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.TabularReader;

/**
 * The organisation tree as a file ({@code org export} / {@code org import}, decision 0015): one row per unit with
 * its path of names, level, verksamhetsområde, provider, active period and external id — never an internal id.
 * An import matches units by external id, then by path; it plans what will be created, moved, renamed, changed
 * or closed, and writes all of it in one transaction (or, as a dry run, nothing).
 */
public final class OrgFileService {
    public static final List<String> HEADERS = List.of("Sökväg", "Nivå", "Verksamhetsområde", "Utförare",
            "Utförarens namn", "Aktiv från", "Aktiv till", "Externt id");
    /** Between the names of a path, as {@link OrgTree#path} writes it; {@code >} is read too. */
    public static final String SEPARATOR = " › ";

    /** What the import does to one unit. */
    public enum ChangeKind { CREATE, MOVE, RENAME, CLOSE, UPDATE }

    public record Change(long row, ChangeKind kind, String path, String detail) {
        /** One line in Swedish for the dry run and the report. */
        public String describe() {
            String what = switch (kind) {
                case CREATE -> "skapas";
                case MOVE -> "flyttas";
                case RENAME -> "byter namn";
                case CLOSE -> "avslutas";
                case UPDATE -> "ändras";
            };
            return "Rad " + row + ": " + path + " " + what + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** The outcome of reading a file: row problems (nothing written) or the changes planned or made. */
    public record Outcome(boolean dryRun, List<String> problems, List<Change> changes, int unchanged,
                          List<String> notInFile) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public long count(ChangeKind k) {
            return changes.stream().filter(c -> c.kind() == k).count();
        }
    }

    private record FileRow(long row, List<String> path, OrgLevel level, Long areaId, ProviderKind provider,
                           String providerName, LocalDate from, LocalDate to, String externalId) { }

    private final Database db;
    private final UnitRepository units;
    private final UnitExternalIdRepository externalIds;

    public OrgFileService(Database db, UnitRepository units, UnitExternalIdRepository externalIds) {
        this.db = db;
        this.units = units;
        this.externalIds = externalIds;
    }

    // ------------------------------------------------------------------ export

    /** The tree as rows of text (parents before children, siblings by name), the header first. */
    public List<List<String>> rows() {
        OrgTree tree = new OrgTree(units.findAll());
        Map<Long, String> areas = new HashMap<>();
        units.businessAreas().forEach(a -> areas.put(a.id(), a.name()));
        Map<Long, String> ext = externalIds.all();
        List<List<String>> out = new ArrayList<>();
        out.add(HEADERS);
        for (Unit u : tree.all()) {
            out.add(List.of(tree.path(u.id()), levelName(u.level()),
                    u.businessAreaId() == null ? "" : areas.getOrDefault(u.businessAreaId(), ""),
                    u.providerKind() == ProviderKind.PRIVAT ? "Privat" : "Kommunal",
                    u.providerName() == null ? "" : u.providerName(),
                    u.activeFrom() == null ? "" : u.activeFrom().toString(),
                    u.activeTo() == null ? "" : u.activeTo().toString(),
                    ext.getOrDefault(u.id(), "")));
        }
        return out;
    }

    public static String levelName(OrgLevel l) {
        return switch (l) {
            case FORVALTNING -> "Förvaltning";
            case AVDELNING -> "Avdelning";
            case ENHET -> "Enhet";
            case SEKTION -> "Sektion";
        };
    }

    private static OrgLevel parseLevel(String s) {
        String n = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "förvaltning", "forvaltning" -> OrgLevel.FORVALTNING;
            case "avdelning" -> OrgLevel.AVDELNING;
            case "enhet" -> OrgLevel.ENHET;
            case "sektion" -> OrgLevel.SEKTION;
            default -> null;
        };
    }

    // ------------------------------------------------------------------ import

    /**
     * Reads an organisation file and plans the changes; unless {@code dryRun}, writes them all in one transaction
     * with an audit row per unit. Any row problem rejects the whole file.
     */
    public Outcome importFile(Path file, boolean dryRun) {
        List<String> problems = new ArrayList<>();
        List<FileRow> rows = read(file, problems);
        if (!problems.isEmpty()) {
            return new Outcome(dryRun, problems, List.of(), 0, List.of());
        }
        List<Unit> current = units.findAll();
        Map<Long, String> ext = externalIds.all();
        Plan plan = plan(rows, current, ext, problems);
        if (!problems.isEmpty()) {
            return new Outcome(dryRun, problems, List.of(), 0, List.of());
        }
        if (!dryRun && !plan.changes.isEmpty()) {
            db.txRun(tx -> {
                Map<Long, Long> realIds = new HashMap<>();
                for (Unit u : plan.ordered) {
                    Long parent = u.parentId() == null ? null : realIds.getOrDefault(u.parentId(), u.parentId());
                    Unit toSave = new Unit(u.id() != null && u.id() < 0 ? null : u.id(), parent, u.name(), u.level(),
                            u.businessAreaId(), u.providerKind(), u.providerName(), u.activeFrom(), u.activeTo());
                    Unit saved = units.save(tx, toSave);
                    if (u.id() != null && u.id() < 0) {
                        realIds.put(u.id(), saved.id());
                    }
                    String wantedExt = plan.externalIds.get(u.id());
                    externalIds.set(tx, saved.id(), wantedExt == null ? ext.get(saved.id()) : wantedExt);
                }
            });
        }
        return new Outcome(dryRun, List.of(), plan.changes, plan.unchanged, plan.notInFile);
    }

    private static final class Plan {
        final List<Unit> ordered = new ArrayList<>();
        final Map<Long, String> externalIds = new HashMap<>();
        final List<Change> changes = new ArrayList<>();
        final List<String> notInFile = new ArrayList<>();
        int unchanged;
    }

    private Plan plan(List<FileRow> rows, List<Unit> current, Map<Long, String> ext, List<String> problems) {
        Plan plan = new Plan();
        OrgTree before = new OrgTree(current);
        Map<String, Long> byExternal = new HashMap<>();
        ext.forEach((id, e) -> byExternal.put(e, id));
        Map<Long, Unit> working = new LinkedHashMap<>();
        current.forEach(u -> working.put(u.id(), u));
        Map<String, Long> idByFilePath = new HashMap<>();
        Set<Long> matched = new HashSet<>();
        long nextTemp = -1;
        for (FileRow r : rows) {
            String key = pathKey(r.path());
            String shown = String.join(SEPARATOR, r.path());
            Long parentId = null;
            if (r.path().size() > 1) {
                List<String> parentPath = r.path().subList(0, r.path().size() - 1);
                parentId = idByFilePath.get(pathKey(parentPath));
                if (parentId == null) {
                    parentId = findByExactPath(new OrgTree(List.copyOf(working.values())), parentPath);
                    if (parentId == null) {
                        problems.add("Rad " + r.row() + ": överordnad enhet " + String.join(SEPARATOR, parentPath)
                                + " finns varken tidigare i filen eller i databasen. Lägg raden för den överordnade "
                                + "enheten före denna rad.");
                        continue;
                    }
                }
            }
            Long existingId = null;
            if (r.externalId() != null) {
                existingId = byExternal.get(r.externalId());
            }
            if (existingId == null) {
                // The same name under the same (existing) parent: also finds the children of a unit that moved.
                String n = UnitLookup.normalise(r.path().getLast());
                List<Unit> siblings = parentId == null ? before.roots() : parentId < 0 ? List.of() : before.children(parentId);
                Long byName = siblings.stream().filter(u -> UnitLookup.normalise(u.name()).equals(n)).map(Unit::id)
                        .findFirst().orElse(null);
                if (byName != null && !matched.contains(byName) && (r.externalId() == null || ext.get(byName) == null
                        || ext.get(byName).equals(r.externalId()))) {
                    existingId = byName;
                }
            }
            if (existingId != null && !matched.add(existingId)) {
                problems.add("Rad " + r.row() + ": " + shown + " avser samma enhet som en tidigare rad. Varje enhet "
                        + "får finnas på en rad.");
                continue;
            }
            String name = r.path().getLast();
            Unit candidate = new Unit(existingId == null ? nextTemp-- : existingId, parentId, name, r.level(), r.areaId(),
                    r.provider(), r.providerName(), r.from(), r.to());
            Unit old = existingId == null ? null : working.get(existingId);
            List<String> keys = new OrgTree(List.copyOf(working.values())).validate(
                    old == null ? new Unit(null, candidate.parentId(), candidate.name(), candidate.level(),
                            candidate.businessAreaId(), candidate.providerKind(), candidate.providerName(),
                            candidate.activeFrom(), candidate.activeTo()) : candidate);
            for (String k : keys) {
                problems.add("Rad " + r.row() + ": " + shown + ": " + orgProblem(k));
            }
            if (!keys.isEmpty()) {
                continue;
            }
            working.put(candidate.id(), candidate);
            idByFilePath.put(key, candidate.id());
            if (r.externalId() != null) {
                plan.externalIds.put(candidate.id(), r.externalId());
            }
            boolean extChanged = r.externalId() != null && old != null && !r.externalId().equals(ext.get(old.id()));
            if (old == null) {
                plan.changes.add(new Change(r.row(), ChangeKind.CREATE, shown, levelName(r.level())));
                plan.ordered.add(candidate);
                continue;
            }
            boolean any = false;
            if (!Objects.equals(old.parentId(), candidate.parentId())) {
                plan.changes.add(new Change(r.row(), ChangeKind.MOVE, shown, "från " + before.path(old.parentId())));
                any = true;
            }
            if (!old.name().equals(candidate.name())) {
                plan.changes.add(new Change(r.row(), ChangeKind.RENAME, shown, "hette " + old.name()));
                any = true;
            }
            if (candidate.activeTo() != null && !candidate.activeTo().equals(old.activeTo())) {
                plan.changes.add(new Change(r.row(), ChangeKind.CLOSE, shown, "sista dag " + candidate.activeTo()));
                any = true;
            }
            boolean other = old.level() != candidate.level() || !Objects.equals(old.businessAreaId(), candidate.businessAreaId())
                    || old.providerKind() != candidate.providerKind()
                    || !Objects.equals(old.providerName(), candidate.providerName())
                    || !Objects.equals(old.activeFrom(), candidate.activeFrom())
                    || (candidate.activeTo() == null && old.activeTo() != null);
            if (other || extChanged) {
                plan.changes.add(new Change(r.row(), ChangeKind.UPDATE, shown, extChanged && !other ? "externt id" : ""));
                any = true;
            }
            if (any) {
                plan.ordered.add(candidate);
            } else {
                plan.unchanged++;
            }
        }
        for (Unit u : current) {
            if (!matched.contains(u.id())) {
                plan.notInFile.add(before.path(u.id()));
            }
        }
        return plan;
    }

    private static Long findByExactPath(OrgTree tree, List<String> path) {
        List<Unit> level = tree.roots();
        Unit found = null;
        for (String name : path) {
            String n = UnitLookup.normalise(name);
            found = level.stream().filter(u -> UnitLookup.normalise(u.name()).equals(n)).findFirst().orElse(null);
            if (found == null) {
                return null;
            }
            level = tree.children(found.id());
        }
        return found == null ? null : found.id();
    }

    private static String pathKey(List<String> path) {
        return String.join("\u0000", path.stream().map(UnitLookup::normalise).toList());
    }

    private static String orgProblem(String key) {
        return switch (key) {
            case "org.validation.nameRequired" -> "namnet saknas.";
            case "org.validation.nameTooLong" -> "namnet är längre än 200 tecken.";
            case "org.validation.levelRequired" -> "nivån saknas.";
            case "org.validation.cycle" -> "enheten kan inte ligga under sig själv.";
            case "org.validation.levelOrder" -> "nivån måste vara lägre än den överordnade enhetens "
                    + "(förvaltning › avdelning › enhet › sektion).";
            case "org.validation.rootMustBeAdministration" -> "översta nivån måste vara en förvaltning.";
            case "org.validation.duplicateSibling" -> "det finns redan en enhet med samma namn på samma ställe.";
            case "org.validation.activePeriod" -> "Aktiv till ligger före Aktiv från.";
            default -> key;
        };
    }

    private List<FileRow> read(Path file, List<String> problems) {
        TabularReader reader;
        try {
            reader = TabularReader.open(file);
        } catch (ImportFileException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        Map<String, Integer> col = new HashMap<>();
        List<String> headers = reader.headers();
        for (int i = 0; i < headers.size(); i++) {
            col.put(headers.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String h : List.of("Sökväg", "Nivå")) {
            if (!col.containsKey(h.toLowerCase(Locale.ROOT))) {
                problems.add("Kolumnen " + h + " saknas. Rubrikraden ska vara: " + String.join(";", HEADERS) + ".");
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        Map<String, Long> areas = new HashMap<>();
        for (BusinessArea a : units.businessAreas()) {
            areas.put(a.name().strip().toLowerCase(Locale.ROOT), a.id());
            areas.put(a.code().strip().toLowerCase(Locale.ROOT), a.id());
        }
        List<FileRow> rows = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Set<String> exts = new HashSet<>();
        reader.forEachRow((rowNo, values) -> {
            java.util.function.Function<String, String> get = h -> {
                Integer i = col.get(h.toLowerCase(Locale.ROOT));
                String v = i == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
                // A spreadsheet-safe export puts an apostrophe before a leading =, +, - or @: read it back as written.
                return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
            };
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                return true;
            }
            List<String> path = new ArrayList<>();
            for (String p : get.apply("Sökväg").split("\\s*[›>]\\s*")) {
                if (!p.isBlank()) {
                    path.add(p.strip());
                }
            }
            int before = problems.size();
            if (path.isEmpty()) {
                problems.add("Rad " + rowNo + ": Sökväg saknas. Skriv enhetens namn med de överordnade före, till exempel "
                        + "Förvaltningen › Hemtjänst › Hemtjänst Norr.");
            } else if (!paths.add(pathKey(path))) {
                problems.add("Rad " + rowNo + ": " + String.join(SEPARATOR, path) + " finns redan på en tidigare rad.");
            }
            OrgLevel level = parseLevel(get.apply("Nivå"));
            if (level == null) {
                problems.add("Rad " + rowNo + ": nivån \"" + get.apply("Nivå") + "\" är okänd. Skriv Förvaltning, "
                        + "Avdelning, Enhet eller Sektion.");
            }
            String areaText = get.apply("Verksamhetsområde");
            Long area = null;
            if (!areaText.isEmpty()) {
                area = areas.get(areaText.toLowerCase(Locale.ROOT));
                if (area == null) {
                    problems.add("Rad " + rowNo + ": verksamhetsområdet \"" + areaText + "\" finns inte. Lägg till det "
                            + "under Listor och regler (eller läs in listfilen) först, eller rätta stavningen.");
                }
            }
            String prov = get.apply("Utförare").toLowerCase(Locale.ROOT);
            ProviderKind provider = switch (prov) {
                case "", "kommunal", "kommunen", "kommunal utförare" -> ProviderKind.KOMMUNAL;
                case "privat", "privat utförare", "enskild" -> ProviderKind.PRIVAT;
                default -> null;
            };
            if (provider == null) {
                problems.add("Rad " + rowNo + ": utföraren \"" + get.apply("Utförare") + "\" är okänd. Skriv Kommunal "
                        + "eller Privat.");
            }
            LocalDate from = date(get.apply("Aktiv från"), rowNo, "Aktiv från", problems);
            LocalDate to = date(get.apply("Aktiv till"), rowNo, "Aktiv till", problems);
            String ext = get.apply("Externt id");
            if (!ext.isEmpty() && !exts.add(ext)) {
                problems.add("Rad " + rowNo + ": externt id " + ext + " finns redan på en tidigare rad. Varje enhet har "
                        + "ett eget id.");
            } else if (ext.length() > 100) {
                problems.add("Rad " + rowNo + ": externt id är längre än 100 tecken.");
            }
            if (problems.size() == before) {
                String pn = get.apply("Utförarens namn");
                rows.add(new FileRow(rowNo, path, level, area, provider, pn.isEmpty() ? null : pn, from, to,
                        ext.isEmpty() ? null : ext));
            }
            return problems.size() < 200;
        });
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add("Filen innehåller inga enheter.");
        }
        return rows;
    }

    private static LocalDate date(String v, long row, String column, List<String> problems) {
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            problems.add("Rad " + row + ": " + column + " = \"" + v + "\" är inget datum. Skriv ÅÅÅÅ-MM-DD.");
            return null;
        }
    }
}
