package io.yewu.platform.internal.db;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Which query plans a request's statements get (decision 0040). Reads and background work plan every statement for
 * its values ({@code plan_cache_mode = force_custom_plan}): a list's optional filters and a name piece's length
 * change the best plan, and a cached generic plan once turned a 2 ms search into a 120 ms one. A request that
 * writes (POST, PUT, PATCH, DELETE) issues key look-ups, inserts and updates whose plan does not depend on the
 * values; planning them anew cost as much PostgreSQL time as running them (the order-intake profile), so these
 * requests let PostgreSQL reuse a prepared statement's plan ({@code auto}). {@link CompanyWallDataSource} applies
 * the mode with the company wall's own statement when a connection is handed out, so it costs no round trip.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class QueryPlans extends OncePerRequestFilter {

    /** The PostgreSQL setting for statements of values-sensitive work (reads, jobs): plan each for its values. */
    static final String CUSTOM = "force_custom_plan";
    /** The PostgreSQL setting for a writing request's statements: reuse a prepared statement's plan. */
    static final String CACHED = "auto";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The mode for a connection handed out on this thread now. */
    static String current() {
        String mode = CURRENT.get();
        return mode == null ? CUSTOM : mode;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        CURRENT.set(CACHED);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
