package io.yewu.customer.internal.visit;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.security.Allow;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers' locations for the check-in distance (CUS-14): a manager sets one, or confirms or rejects the point a
 * visitor's first check-in proposed. Visitors cannot set the point they are measured from.
 */
@RestController
@Allow(groups = RoleGroup.MANAGERS)
class CustomerLocationController {

    private final CustomerLocations locations;

    CustomerLocationController(CustomerLocations locations) {
        this.locations = locations;
    }

    @PutMapping("/api/customers/{id}/location")
    @Allow(groups = RoleGroup.MANAGERS)
    CheckInDistancePolicy.Point set(@PathVariable long id, @Valid @RequestBody VisitInput.Position position) {
        return locations.setByManager(CurrentUser.get(), id, position);
    }

    @GetMapping("/api/customer-locations/proposals")
    @Allow(groups = RoleGroup.MANAGERS)
    Page<CustomerLocations.Proposal> proposals(@RequestParam(required = false, defaultValue = "PENDING") String status,
                                               PageQuery page) {
        return locations.proposals(CurrentUser.get(), "ALL".equals(status) ? null : status, page);
    }

    @PostMapping("/api/customer-locations/proposals/{id}/confirm")
    @Allow(groups = RoleGroup.MANAGERS)
    CustomerLocations.Proposal confirm(@PathVariable long id, @RequestBody CustomerLocations.Decide in) {
        return locations.confirm(CurrentUser.get(), id, in);
    }

    @PostMapping("/api/customer-locations/proposals/{id}/reject")
    @Allow(groups = RoleGroup.MANAGERS)
    CustomerLocations.Proposal reject(@PathVariable long id, @RequestBody CustomerLocations.Decide in) {
        return locations.reject(CurrentUser.get(), id, in);
    }
}
