package io.yewu.platform.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The principal of the current request. */
public final class CurrentUser {

    private CurrentUser() {}

    public static YewuPrincipal get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
    }

    public static Optional<YewuPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof YewuPrincipal p ? Optional.of(p) : Optional.empty();
    }
}
