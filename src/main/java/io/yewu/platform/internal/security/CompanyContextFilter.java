package io.yewu.platform.internal.security;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Puts the logged-in user's company into {@link CompanyContext} for the rest of the request (PLT-11). */
class CompanyContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.find();
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        CompanyContext.Scope before = CompanyContext.current();
        CompanyContext.set(new CompanyContext.Scope(user.get().companyId(), false));
        try {
            chain.doFilter(request, response);
        } finally {
            CompanyContext.set(before);
        }
    }
}
