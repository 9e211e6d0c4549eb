package io.yewu.platform.internal.security;

import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request reach its handler only when the handler's {@code @Allow} admits the caller's roles: 403 otherwise,
 * before the body is read. A handler without a declaration cannot exist (the application refuses to start).
 */
final class AccessInterceptor implements HandlerInterceptor {

    private final EndpointAccess access;

    AccessInterceptor(EndpointAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) return true;
        EndpointAccess.Rule rule = access.rule(method);
        if (rule == null) {
            if (!request.getRequestURI().startsWith("/api/")) return true;
            throw ProblemException.forbidden("forbidden");
        }
        if (rule.anonymous()) return true;
        if (!rule.admits(CurrentUser.find().orElse(null))) throw ProblemException.forbidden("forbidden");
        return true;
    }
}
