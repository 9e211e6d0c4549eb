package io.yewu.platform.internal.security;

import io.yewu.platform.internal.web.IdempotencyFilter;
import io.yewu.platform.internal.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Session cookie for the UI (sessions in PostgreSQL), bearer API tokens for integrations, CSRF for cookie
 * requests, JSON problems for 401/403. Roles per endpoint: {@code @Allow}, enforced by {@link AccessInterceptor}.
 *
 * <p>The CSRF token lives in the session (not in a cookie a sibling subdomain could plant), is handed to the UI by
 * {@code GET /api/auth/csrf} and comes back as {@code X-XSRF-TOKEN}; it is renewed at login. Every answer carries a
 * Content-Security-Policy without inline scripts, {@code nosniff}, a same-origin referrer and no framing.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession(tableName = "spring_session")
class SecurityConfiguration {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /**
     * Scripts only from the application itself (Vite emits module scripts, nothing inline); styles also inline,
     * because Element Plus and ECharts position popups, tooltips and charts with style attributes.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    /**
     * The session store every request uses: no write when the request did not change the session. Spring Boot's
     * own JDBC session configuration steps aside once a repository is declared, so the JDBC repository (table
     * {@code spring_session}, expired sessions cleaned up every minute) is imported here with the timeout of
     * {@code server.servlet.session.timeout}.
     */
    @Bean
    @org.springframework.context.annotation.Primary
    QuietSessionRepository quietSessionRepository(org.springframework.session.jdbc.JdbcIndexedSessionRepository jdbcSessions) {
        return new QuietSessionRepository(jdbcSessions);
    }

    /**
     * Spring Session's transactions: a look-up is one SELECT (the session joined with its attributes), atomic on its
     * own, so it runs without {@code BEGIN}/{@code COMMIT} around it; saving and deleting (several statements) keep
     * their transaction. Spring Session reads with {@code execute} and writes with {@code executeWithoutResult}.
     */
    /** The application's transaction template (Spring Boot's steps aside once any TransactionOperations is declared). */
    @Bean
    @org.springframework.context.annotation.Primary
    org.springframework.transaction.support.TransactionTemplate transactionTemplate(
            org.springframework.transaction.PlatformTransactionManager transactions) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    @Bean("springSessionTransactionOperations")
    org.springframework.transaction.support.TransactionOperations springSessionTransactionOperations(
            @org.springframework.session.jdbc.config.annotation.SpringSessionDataSource javax.sql.DataSource sessions) {
        var writes = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(sessions));
        return new org.springframework.transaction.support.TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                return org.springframework.transaction.support.TransactionOperations.withoutTransaction().execute(action);
            }

            @Override
            public void executeWithoutResult(java.util.function.Consumer<org.springframework.transaction.TransactionStatus> action) {
                writes.executeWithoutResult(action);
            }
        };
    }

    /** Outside the session filter (which runs at order {@code -2147483598}), so it wraps the whole exchange. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<QuietSessionRepository.MemoFilter> sessionMemoFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new QuietSessionRepository.MemoFilter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    org.springframework.session.config.SessionRepositoryCustomizer<org.springframework.session.jdbc.JdbcIndexedSessionRepository> sessionStoreSettings(
            @Value("${server.servlet.session.timeout:8h}") java.time.Duration timeout) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(timeout);
            // the logged-in user and the CSRF token field by field, not by Java serialization (SessionAttributeCodec)
            repository.setConversionService(new SessionAttributeCodec(getClass().getClassLoader()).conversionService());
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        var repository = new HttpSessionCsrfTokenRepository();
        repository.setHeaderName(CSRF_HEADER);
        return repository;
    }

    /**
     * {@code yewu.web.secure-cookies}: {@code auto} (default) marks the session cookie Secure when the request came
     * over HTTPS — behind a TLS proxy that is what {@code X-Forwarded-Proto} says once
     * {@code server.forward-headers-strategy} is set; {@code true} always, {@code false} never.
     */
    @Bean
    DefaultCookieSerializerCustomizer secureSessionCookie(@Value("${yewu.web.secure-cookies:auto}") String secure) {
        return serializer -> {
            switch (secure.trim().toLowerCase()) {
                case "true" -> serializer.setUseSecureCookie(true);
                case "false" -> serializer.setUseSecureCookie(false);
                case "auto", "" -> { } // DefaultCookieSerializer follows request.isSecure()
                default -> throw new IllegalArgumentException(
                        "yewu.web.secure-cookies must be auto, true or false, not " + secure);
            }
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contexts, Problems problems,
                                            LocaleResolver locales, ApiTokens tokens, IdempotencyFilter idempotency,
                                            CsrfTokenRepository csrfTokens) {
        AuthorizationManager<RequestAuthorizationContext> sessionLogin = (auth, ctx) ->
                new AuthorizationDecision(ApiTokenAuthentication.isSessionLogin(auth.get()));
        http.securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new XorCsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a
                        // who may call what is declared per endpoint (@Allow) and enforced by AccessInterceptor
                        .requestMatchers("/api/auth/**", "/api/public/**").permitAll()
                        // credentials are managed from a session login only: a token cannot mint tokens
                        .requestMatchers("/api/me/tokens", "/api/me/tokens/**", "/api/me/password").access(sessionLogin)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", locales.resolveLocale(req), req.getRequestURI()))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, HttpStatus.FORBIDDEN,
                                ex instanceof CsrfException ? "csrf-invalid" : "forbidden",
                                locales.resolveLocale(req), req.getRequestURI())))
                .addFilterAfter(new ApiTokenFilter(tokens), SecurityContextHolderFilter.class)
                .addFilterAfter(new CompanyContextFilter(), AnonymousAuthenticationFilter.class)
                .addFilterAfter(idempotency, CompanyContextFilter.class);
        return http.build();
    }
}
