package io.yewu.platform.web;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Function;

/**
 * A page of a list. {@code total} is exact up to {@link #COUNT_CAP}; past it the count stops and
 * {@code totalExact} is false ("1000+"), so counting never costs more than reading a thousand index entries.
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public static final int COUNT_CAP = 1_000;

    public static <T> Page<T> of(List<T> items, PageQuery query, long cappedCount) {
        return new Page<>(items, query.page(), query.size(), Math.min(cappedCount, COUNT_CAP), cappedCount <= COUNT_CAP);
    }

    /**
     * The page with its total, counting only when the page cannot tell it: a page shorter than its size that holds
     * rows (or is the first) ends the list, so its total is the offset plus its rows and {@code cappedCount} is not
     * run (decision 0045); otherwise {@code cappedCount} answers as in {@link #of(List, PageQuery, long)}.
     */
    public static <T> Page<T> of(List<T> items, PageQuery query, LongSupplier cappedCount) {
        if (items.size() < query.size() && (!items.isEmpty() || query.offset() == 0)) {
            return new Page<>(items, query.page(), query.size(), (long) query.offset() + items.size(), true);
        }
        return of(items, query, cappedCount.getAsLong());
    }

    /** The capped count of {@code fromWhere}, run only when {@link #of(List, PageQuery, LongSupplier)} needs it. */
    public static LongSupplier cappedCount(JdbcClient jdbc, String fromWhere, Map<String, ?> params) {
        return () -> jdbc.sql(cappedCountSql(fromWhere)).params(params).query(Long.class).single();
    }

    /** Wraps a count query so it stops after the cap: {@code SELECT count(*) FROM (<from-where> LIMIT cap+1)}. */
    public static String cappedCountSql(String fromWhere) {
        return "SELECT count(*) FROM (SELECT 1 " + fromWhere + " LIMIT " + (COUNT_CAP + 1) + ") capped";
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total, totalExact);
    }
}
