package io.yewu.platform.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every 429 says when to come back: whatever answers "too many requests" (a throttle, a rate limit, a filter), the
 * answer carries {@code Retry-After} in seconds — the value the producer gave (e.g. through
 * {@link io.yewu.platform.web.ProblemException#RETRY_AFTER}), else {@value #DEFAULT_SECONDS}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryAfterFilter extends OncePerRequestFilter {

    static final int DEFAULT_SECONDS = 60;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc);
                defaultRetryAfter(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                defaultRetryAfter(sc);
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                defaultRetryAfter(sc);
                super.sendError(sc, msg);
            }

            @Override
            public void addHeader(String name, String value) {
                // a producer's own value replaces the default rather than adding a second one
                if (HttpHeaders.RETRY_AFTER.equalsIgnoreCase(name)) super.setHeader(name, value);
                else super.addHeader(name, value);
            }

            private void defaultRetryAfter(int sc) {
                if (sc == 429 && !containsHeader(HttpHeaders.RETRY_AFTER)) {
                    super.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DEFAULT_SECONDS));
                }
            }
        });
    }
}
