package io.yewu.platform.internal.security;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
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
    MeService.Me me() {
        return me.describe(CurrentUser.get());
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void password(@Valid @RequestBody PasswordChange body) {
        me.changePassword(CurrentUser.get(), body.currentPassword(), body.newPassword());
    }

    @PutMapping("/locale")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void locale(@Valid @RequestBody LocaleChange body) {
        me.changeLocale(CurrentUser.get(), body.locale());
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenView> tokens() {
        return tokens.list(CurrentUser.get());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(@Valid @RequestBody TokenRequest body) {
        return tokens.issue(CurrentUser.get(), body.name().trim(), body.expiresOn());
    }

    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        return tokens.revoke(CurrentUser.get(), id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
