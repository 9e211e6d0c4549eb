package io.yewu.platform.internal.security;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@Allow(anyUser = true)
@RestController
@RequestMapping("/api/me")
class MeController {

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {}

    record LocaleChange(@NotBlank @Pattern(regexp = "zh-CN|en") String locale) {}

    record TokenRequest(@NotBlank @Size(max = 100) String name, LocalDate expiresOn) {}

    private final MeService me;
    private final ApiTokens tokens;

    MeController(MeService me, ApiTokens tokens) {
        this.me = me;
        this.tokens = tokens;
    }

    @GetMapping
    @Allow(anyUser = true)
    MeService.Me me() {
        return me.describe(CurrentUser.get());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allow(anyUser = true) // from a session login only (SecurityConfiguration)
    void password(@Valid @RequestBody PasswordChange body, HttpServletRequest request) {
        var session = request.getSession(false);
        me.changePassword(CurrentUser.get(), body.currentPassword(), body.newPassword(),
                session == null ? null : session.getId());
    }

    @PutMapping("/locale")
    @Allow(anyUser = true)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void locale(@Valid @RequestBody LocaleChange body) {
        me.changeLocale(CurrentUser.get(), body.locale());
    }

    // the token endpoints need a session login: a bearer token cannot mint, list or revoke tokens (403)
    @GetMapping("/tokens")
    @Allow(anyUser = true)
    List<ApiTokens.TokenView> tokens() {
        return tokens.list(CurrentUser.get());
    }

    @PostMapping("/tokens")
    @Allow(anyUser = true)
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(@Valid @RequestBody TokenRequest body) {
        return tokens.issue(CurrentUser.get(), body.name().trim(), body.expiresOn());
    }

    @DeleteMapping("/tokens/{id}")
    @Allow(anyUser = true)
    ResponseEntity<Void> revoke(@PathVariable long id) {
        return tokens.revoke(CurrentUser.get(), id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
