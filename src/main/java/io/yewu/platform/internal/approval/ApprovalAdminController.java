package io.yewu.platform.internal.approval;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** PLT-3 for the administrator: every pending chain of the company, and ending a stuck one with a reason. */
@RestController
@RequestMapping("/api/admin/approvals")
@Allow(RoleCode.ADMIN)
class ApprovalAdminController {

    record CancelBody(@Size(max = 1000) String reason) {}

    private final ApprovalEngine engine;
    private final ApprovalQueries queries;

    ApprovalAdminController(ApprovalEngine engine, ApprovalQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    /** Oldest first, so the stuck ones lead. */
    @GetMapping
    Page<ApprovalView> open(PageQuery page) {
        return queries.open(page, CurrentUser.get());
    }

    /** The request becomes VOID, its capability closes the subject (CANCELLED) and the applicant is told. */
    @PostMapping("/{id}/cancel")
    Map<String, Object> cancel(@PathVariable long id, @Valid @RequestBody(required = false) CancelBody body) {
        engine.cancel(id, CurrentUser.get(), body == null ? null : body.reason());
        return Map.of("id", id, "status", "VOID");
    }
}
