package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CUS-3: a customer's stage with who qualified or closed it; qualifying a lead; closing a customer. */
@RestController
@RequestMapping("/api/customers/{id}")
class CustomerStageController {

    record Qualify(Long version) {}

    record Close(String reason, Long version) {}

    private final CustomerStages stages;

    CustomerStageController(CustomerStages stages) {
        this.stages = stages;
    }

    /** Readable by whoever reads the file (404 outside one's scope). */
    @GetMapping("/stage")
    @Allow(groups = RoleGroup.CUSTOMER_READERS)
    CustomerStages.StageView stage(@PathVariable long id) {
        return stages.view(CurrentUser.get(), id);
    }

    /** The owner salesperson qualifies their lead as an intention customer. */
    @PostMapping("/qualify")
    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.ACCOUNT_MANAGER})
    CustomerStages.StageView qualify(@PathVariable long id, @RequestBody Qualify in) {
        if (in == null || in.version() == null) throw ProblemException.invalid("version", "required");
        return stages.qualify(CurrentUser.get(), id, in.version());
    }

    /** A manager closes the customer with a reason. */
    @PostMapping("/close")
    @Allow(groups = RoleGroup.MANAGERS)
    CustomerStages.StageView close(@PathVariable long id, @RequestBody Close in) {
        if (in == null || in.version() == null) throw ProblemException.invalid("version", "required");
        return stages.close(CurrentUser.get(), id, in.reason(), in.version());
    }
}
