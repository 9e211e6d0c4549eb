package io.yewu.platform.internal.approval;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@Allow(anyUser = true)
@RestController
@RequestMapping("/api/me/delegations")
class DelegationController {

    record DelegationRequest(@NotNull Long delegateId, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {}

    private final Delegations delegations;

    DelegationController(Delegations delegations) {
        this.delegations = delegations;
    }

    @GetMapping
    List<Delegations.Delegation> list() {
        return delegations.current(CurrentUser.get());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Delegations.Delegation create(@Valid @RequestBody DelegationRequest body) {
        return delegations.create(CurrentUser.get(), body.delegateId(), body.startsOn(), body.endsOn());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        delegations.delete(CurrentUser.get(), id);
    }
}
