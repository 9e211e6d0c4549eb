package io.yewu.customer.internal.visit;

import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.Allow;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Visit routes (CUS-14). Another person's route outside one's scope answers 404. */
@RestController
@RequestMapping("/api/routes")
class RouteController {

    record Order(Long version, List<Long> customerIds) {}

    private final Routes routes;

    RouteController(Routes routes) {
        this.routes = routes;
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping
    Page<RouteView.Summary> list(PageQuery page) {
        return routes.list(CurrentUser.get(), page);
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping("/{id}")
    RouteView get(@PathVariable long id) {
        return routes.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RouteView create(@Valid @RequestBody RouteInput input) {
        return routes.create(CurrentUser.get(), input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PutMapping("/{id}")
    RouteView update(@PathVariable long id, @Valid @RequestBody RouteInput input) {
        return routes.update(CurrentUser.get(), id, input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PutMapping("/{id}/order")
    RouteView reorder(@PathVariable long id, @RequestBody Order order) {
        return routes.reorder(CurrentUser.get(), id, order.version(), order.customerIds());
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam(required = false) Long version) {
        routes.delete(CurrentUser.get(), id, version);
    }
}
