package io.yewu.customer.internal.visit;

import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.Allow;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The owner pins or corrects a customer's location for the check-in distance (CUS-14). */
@RestController
class CustomerLocationController {

    private final CustomerLocations locations;

    CustomerLocationController(CustomerLocations locations) {
        this.locations = locations;
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @PutMapping("/api/customers/{id}/location")
    CheckInDistancePolicy.Point set(@PathVariable long id, @Valid @RequestBody VisitInput.Position position) {
        return locations.setByOwner(CurrentUser.get(), id, position);
    }
}
