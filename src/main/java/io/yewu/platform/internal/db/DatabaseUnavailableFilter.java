package io.yewu.platform.internal.db;

import io.yewu.platform.internal.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;

/**
 * While the database is down, every request (but the health endpoint) is answered at once with 503 and the problem
 * {@code database-unavailable}, before the session or anything else asks the database. A request that meets the
 * failure first (the database died under it) is answered the same way and marks the database down.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    public static final String CODE = "database-unavailable";

    private final DatabaseAvailability availability;
    private final Problems problems;
    private final LocaleResolver locales;

    DatabaseUnavailableFilter(DatabaseAvailability availability, Problems problems, LocaleResolver locales) {
        this.availability = availability;
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.isDown()) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isConnectionFailure(e) || response.isCommitted()) throw e;
            availability.markDown(String.valueOf(rootCause(e).getMessage()));
            response.reset();
            refuse(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        Locale locale = locales.resolveLocale(request);
        problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, CODE, locale, request.getRequestURI());
    }

    /**
     * True when the failure is that the database cannot be reached (not a failing statement, and not a pool that
     * is merely busy: the pool's time-out carries the SQL state of its last failed connection attempt, or none).
     */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) return true;
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
