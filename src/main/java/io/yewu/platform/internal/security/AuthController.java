package io.yewu.platform.internal.security;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** JSON login for the single-page UI; the session lives in PostgreSQL (Spring Session JDBC). */
@Allow(anonymous = true)
@RestController
@RequestMapping("/api/auth")
class AuthController {

    record LoginRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {}

    private final PrincipalLoader loader;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final SecurityContextRepository contexts;
    private final MeService me;
    private final CsrfAuthenticationStrategy csrfRotation;

    AuthController(PrincipalLoader loader, LoginThrottle throttle, PasswordEncoder encoder,
                   SecurityContextRepository contexts, MeService me, CsrfTokenRepository csrfTokens) {
        this.csrfRotation = new CsrfAuthenticationStrategy(csrfTokens);
        this.csrfRotation.setRequestHandler(new XorCsrfTokenRequestAttributeHandler());
        this.loader = loader;
        this.throttle = throttle;
        this.encoder = encoder;
        this.contexts = contexts;
        this.me = me;
    }

    /** The CSRF token the UI sends back as {@code X-XSRF-TOKEN}; it lives in the session, never in a cookie. */
    record CsrfView(String headerName, String token) {}

    @GetMapping("/csrf")
    @Allow(anonymous = true)
    CsrfView csrf(CsrfToken token) {
        return new CsrfView(token.getHeaderName(), token.getToken());
    }

    @PostMapping("/login")
    @Allow(anonymous = true)
    MeService.Me login(@Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        String username = body.username().trim();
        String address = request.getRemoteAddr(); // the client behind a trusted proxy once forward headers are on
        throttle.retryAfter(username, address).ifPresent(wait -> {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "login-throttled", List.of(), minutes)
                    .with(ProblemException.RETRY_AFTER, wait.toSeconds());
        });
        var login = loader.byUsername(username)
                .filter(l -> encoder.matches(body.password(), l.passwordHash()))
                .orElse(null);
        throttle.record(username, address, login != null);
        if (login == null) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", List.of());
        }
        if (!login.active()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "account-disabled", List.of());
        }
        authenticate(login.principal(), request, response);
        return me.describe(login.principal());
    }

    @PostMapping("/logout")
    @Allow(anonymous = true)
    ResponseEntity<Void> logout(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    private void authenticate(YewuPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) request.changeSessionId(); // no session fixation
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // a token known before the login (e.g. from a planted session) is worthless after it
        csrfRotation.onAuthentication(auth, request, response);
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken fresh) {
            response.setHeader(fresh.getHeaderName(), fresh.getToken());
        }
    }
}
