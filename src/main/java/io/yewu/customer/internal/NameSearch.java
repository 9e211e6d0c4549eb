package io.yewu.customer.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/**
 * The condition that finds files by a piece of their name, through the two-character index (V14), behind the company
 * wall (decision 0038). Two paths give the same files:
 * <ul>
 *   <li>{@code DIRECT}: the condition itself, when {@code arraycontains} and {@code texticlike} are LEAKPROOF (a
 *       superuser ran V13/V14, as on the embedded server), so PostgreSQL may use the index ahead of the wall;</li>
 *   <li>{@code DEFINER}: the ids from {@code customer_name_matches} (V49), a function that reads with the index as a
 *       role the wall lets through and keeps to the transaction's company; the caller's query still applies the wall
 *       and the reader's scope.</li>
 * </ul>
 * {@code yewu.search.name-path}: {@code auto} (default: DIRECT when the functions are LEAKPROOF, else DEFINER),
 * {@code direct} or {@code definer}.
 */
@Component
class NameSearch {

    enum Path { DIRECT, DEFINER }

    private final JdbcClient jdbc;
    private final String setting;
    private volatile Path path;

    NameSearch(JdbcClient jdbc, @Value("${yewu.search.name-path:auto}") String setting) {
        this.jdbc = jdbc;
        this.setting = setting.strip().toLowerCase(Locale.ROOT);
        if (!this.setting.equals("auto")) this.path = Path.valueOf(this.setting.toUpperCase(Locale.ROOT));
    }

    /** The path in use; under {@code auto}, decided by the database's first answer. */
    Path path() {
        Path p = path;
        if (p == null) {
            boolean leakproof = Boolean.TRUE.equals(jdbc.sql("""
                    SELECT count(*) = 2 FROM pg_proc WHERE proleakproof AND proname IN ('arraycontains', 'texticlike')""")
                    .query(Boolean.class).single());
            path = p = leakproof ? Path.DIRECT : Path.DEFINER;
        }
        return p;
    }

    /**
     * The condition on {@code alias}'s files whose name holds {@code q} (two characters or more), its parameters put
     * in {@code params}; {@code cap} bounds the DEFINER path's candidates (null: all of them).
     */
    String match(String alias, String q, Map<String, Object> params, Integer cap) {
        params.put("nameText", q);
        params.put("namePattern", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (path() == Path.DEFINER) {
            params.put("nameCap", cap);
            return alias + ".id IN (SELECT customer_name_matches(:nameText, :namePattern, CAST(:nameCap AS integer)))";
        }
        return "(" + alias + ".name_grams @> yewu_bigrams(:nameText) AND " + alias + ".name ILIKE :namePattern)";
    }
}
