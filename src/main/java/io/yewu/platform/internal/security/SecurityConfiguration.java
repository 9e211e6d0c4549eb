package io.yewu.platform.internal.security;

import io.yewu.platform.internal.web.IdempotencyFilter;
import io.yewu.platform.internal.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Session cookie for the UI (sessions in PostgreSQL), bearer API tokens for integrations, CSRF for cookie
 * requests, JSON problems for 401/403. Roles per endpoint: {@code @Allow}, enforced by {@link AccessInterceptor}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, upgradable by prefix
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityContextRepository contexts, Problems problems,
                                            LocaleResolver locales, ApiTokens tokens, IdempotencyFilter idempotency) {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .csrf(c -> c.spa().ignoringRequestMatchers(r -> r.getHeader("Authorization") != null))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .authorizeHttpRequests(a -> a
                        // who may call what is declared per endpoint (@Allow) and enforced by AccessInterceptor
                        .requestMatchers("/api/auth/**", "/api/public/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(res, HttpStatus.UNAUTHORIZED,
                                "unauthenticated", locales.resolveLocale(req), req.getRequestURI()))
                        .accessDeniedHandler((req, res, ex) -> problems.write(res, HttpStatus.FORBIDDEN,
                                "forbidden", locales.resolveLocale(req), req.getRequestURI())))
                .addFilterAfter(new ApiTokenFilter(tokens), SecurityContextHolderFilter.class)
                .addFilterAfter(new CompanyContextFilter(), AnonymousAuthenticationFilter.class)
                .addFilterAfter(idempotency, CompanyContextFilter.class);
        return http.build();
    }
}
