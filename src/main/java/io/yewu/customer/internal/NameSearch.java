package io.yewu.customer.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition that finds files by a piece of their name, through the two-character index (V14), behind the company
 * wall (decision 0038). Two paths give the same files:
 * <ul>
 *   <li>{@code DIRECT}: the condition itself, when {@code arraycontains} and {@code texticlike} are LEAKPROOF (a
 *       superuser ran V13/V14, as on the embedded server), so PostgreSQL may use the index ahead of the wall;</li>
 *   <li>{@code DEFINER}: the ids from {@code customer_name_matches} (V49), a function that reads with the index as a
 *       role the wall lets through and keeps to the transaction's company, passed to the caller's query, which still
 *       applies the wall and the reader's scope; when a list's piece matches more than {@link #LIST_IDS} files, the
 *       plain condition instead (the scope then narrows first).</li>
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
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        params.put("nameText", q);
        params.put("namePattern", pattern);
        String direct = "(" + alias + ".name_grams @> yewu_bigrams(:nameText) AND " + alias + ".name ILIKE :namePattern)";
        if (path() == Path.DIRECT) return direct;
        // the ids first, then the reader's query over them: a statement of its own, so the (non-inlined) function's
        // answer is a short array the planner can use, not a set it must hash whole for every page and count
        int limit = cap == null ? LIST_IDS : cap;
        List<Long> ids = jdbc.sql("SELECT customer_name_matches(:t, :p, :n)")
                .param("t", q).param("p", pattern).param("n", limit + 1).query(Long.class).list();
        if (ids.size() > limit && cap == null) {
            // a piece most files share: the list needs every match, so the plain condition, which the reader's scope
            // (an owner, a department) narrows before the name is checked
            return direct;
        }
        params.put("nameIds", ids.stream().limit(limit).toArray(Long[]::new));
        return alias + ".id = ANY(:nameIds)";
    }

    /** At most this many ids go from the function into a list's query; beyond it the list filters by scope first. */
    static final int LIST_IDS = 2_000;
}
