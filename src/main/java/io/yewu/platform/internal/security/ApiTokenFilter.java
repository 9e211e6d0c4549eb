package io.yewu.platform.internal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code Authorization: Bearer <token>} authenticates an integration as the token's owner, for this request only.
 * A request that carries an Authorization header is never also authenticated by a session cookie: it skips the CSRF
 * check, so an unknown or revoked token leaves it anonymous (401) even when a session cookie came along.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    ApiTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null) {
            var context = SecurityContextHolder.createEmptyContext();
            if (header.startsWith("Bearer ")) {
                tokens.authenticate(header.substring(7).trim())
                        .ifPresent(p -> context.setAuthentication(new ApiTokenAuthentication(p)));
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
