package se.kvalitetshjulet.data;

import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The engines a repository's query can be rendered for (values inlined), so that a benchmark reference runs the same
 * query on the same rows: SQLite (the {@code sqlite3} tool on the same file), DuckDB (decision 0021) or PostgreSQL
 * ({@code psql} on the same server database, decision 0036).
 */
public enum ReferenceDialect {
    SQLITE(SQLDialect.SQLITE),
    DUCKDB(SQLDialect.DUCKDB),
    POSTGRES(SQLDialect.POSTGRES);

    private final SQLDialect dialect;

    ReferenceDialect(SQLDialect dialect) {
        this.dialect = dialect;
    }

    /** The query as this engine's SQL with its values inlined. */
    public String render(QueryPart query) {
        return DSL.using(dialect).renderInlined(query);
    }
}
