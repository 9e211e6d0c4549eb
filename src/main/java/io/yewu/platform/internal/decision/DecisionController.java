package io.yewu.platform.internal.decision;

import io.yewu.platform.security.Allow;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.RoleCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Decisions of any subject, for administrators: the records' own endpoints embed their decisions after their
 * data-scope check, so this generic read cannot leak a record a user may not see.
 */
@Allow(RoleCode.ADMIN)
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final DecisionRecords decisions;

    DecisionController(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    List<StoredDecision> forSubject(@RequestParam String subjectType, @RequestParam String subjectId) {
        return decisions.forSubject(subjectType, subjectId);
    }
}
