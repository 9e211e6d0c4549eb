package io.yewu.platform.internal.security;

import io.yewu.platform.security.YewuPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.Serial;

/**
 * A request authenticated by a personal API token rather than a session login. Such a request may do what the
 * token's owner may do, except manage credentials: a token cannot mint, list or revoke tokens, nor change the
 * password (those need a session login).
 */
final class ApiTokenAuthentication extends UsernamePasswordAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    ApiTokenAuthentication(YewuPrincipal principal) {
        super(principal, null, principal.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    /** A logged-in caller that came through the session cookie, not a bearer token. */
    static boolean isSessionLogin(Authentication auth) {
        return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof YewuPrincipal
                && !(auth instanceof ApiTokenAuthentication);
    }
}
