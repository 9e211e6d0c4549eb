package io.yewu.customer.internal;

import io.yewu.platform.web.Page;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The condition that finds files by a piece of their name, through the two-character index (V14), behind the company
 * wall (decision 0038). Two paths give the same files:
 * <ul>
 *   <li>{@code DIRECT}: the condition itself, when {@code arraycontains} and {@code texticlike} are LEAKPROOF (a
 *       superuser ran V13/V14, as on the embedded server), so PostgreSQL may use the index ahead of the wall;</li>
 *   <li>{@code DEFINER}: the ids from {@code customer_name_matches} (V49), a function that reads with the index as a
 *       role the wall lets through and keeps to the transaction's company, passed to the caller's query, which still
 *       applies the wall and the reader's scope. The function narrows its candidates to the reader's owners and the
 *       pool, and stops at a cap; when it reaches the cap, the caller learns "more than the count's cap" from the
 *       candidates and reads the page by an ordered walk of its own files with the plain condition
 *       ({@link Match#plain()}), or, when the candidates do not tell, searches with the plain condition.</li>
 * </ul>
 * {@code yewu.search.name-path}: {@code auto} (default: DIRECT when the functions are LEAKPROOF, else DEFINER),
 * {@code direct} or {@code definer}.
 */
@Component
class NameSearch {

    enum Path { DIRECT, DEFINER }

    private final JdbcClient jdbc;
    private final PlannedReads planned;
    private final String setting;
    private volatile Path path;

    NameSearch(JdbcClient jdbc, PlannedReads planned, @Value("${yewu.search.name-path:auto}") String setting) {
        this.jdbc = jdbc;
        this.planned = planned;
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
     * How a search finds a name piece's files.
     *
     * @param condition the condition to search with: the name itself (DIRECT), or the candidates' ids (DEFINER)
     * @param plain     the name as a plain condition on the reader's own query: the same files, found without the
     *                  index where the functions are not LEAKPROOF (the reader's scope and an ordered walk narrow it)
     * @param complete  whether {@code condition} finds every match: false when the function's candidates reached their
     *                  cap, so that {@code condition} finds some of the matches only (each of them a real one)
     */
    record Match(String condition, String plain, boolean complete) {

        /** A condition that finds every match the same way on both paths (a phone's key, one character). */
        static Match exact(String condition) {
            return new Match(condition, condition, true);
        }
    }

    /**
     * The files of {@code alias} whose name holds {@code q} (two characters or more), its parameters put in
     * {@code params}; on the DEFINER path, at most {@code cap} candidates among the files of {@code ownersSql} (a
     * {@code bigint[]} expression over {@code params}, or {@code NULL}: any owner) and the pool, which only narrows
     * them: the caller's query applies the reader's scope.
     */
    Match match(String alias, String q, Map<String, Object> params, int cap, String ownersSql) {
        params.put("nameText", q);
        params.put("namePattern", pattern(q));
        String direct = "(" + alias + ".name_grams @> yewu_bigrams(:nameText) AND " + alias + ".name ILIKE :namePattern)";
        if (path() == Path.DIRECT) return Match.exact(direct);
        // the ids first, then the reader's query over them: a statement of its own, so the (non-inlined) function's
        // answer is a short array the planner can use, not a set it must hash whole for every page and count
        List<Long> ids = jdbc.sql("SELECT customer_name_matches(:nameText, :namePattern, :nameCap, " + ownersSql + ")")
                .params(params).param("nameCap", cap + 1).query(Long.class).list();
        params.put("nameIds", ids.stream().limit(cap).toArray(Long[]::new));
        return new Match(alias + ".id = ANY(:nameIds)", direct, ids.size() <= cap);
    }

    /**
     * Runs {@code read}, a page or count by {@link Match#plain()} on the DEFINER path, planned as a walk of the
     * reader's files in the page's order. Without LEAKPROOF functions the planner cannot estimate the name condition
     * and takes it for rare: it read and sorted all 280,000 files of a company for a piece that 51,000 of them share
     * (320 ms) where the walk finds a page in 0.6 ms (2.7 ms at offset 1,200). The plain condition is used only once
     * the candidates told that the piece is common.
     */
    <T> T walking(Supplier<T> read) {
        return planned.without(PlannedReads.Scan.SEQUENTIAL, PlannedReads.Scan.BITMAP, read);
    }

    /** {@code q} anywhere in a text, as an ILIKE pattern (its wildcards and escape character escaped). */
    static String pattern(String q) {
        return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * At most this many candidates go from the function into a list's query: twice the count's cap, so that a page
     * whose candidates include files outside the reader's scope (another team's pool) still tells "more than the
     * cap" from them.
     */
    static final int LIST_IDS = 2 * Page.COUNT_CAP;
}
