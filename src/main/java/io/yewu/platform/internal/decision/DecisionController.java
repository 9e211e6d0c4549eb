package io.yewu.platform.internal.decision;

import io.yewu.platform.security.Allow;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.HiddenFields;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.security.RoleCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decisions of any subject, for administrators: the records' own endpoints embed their decisions after their
 * data-scope check, so this generic read cannot leak a record a user may not see.
 */
@Allow(RoleCode.ADMIN)
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final DecisionRecords decisions;
    private final List<HiddenFields> fieldRules;
    private final JsonMapper json;

    DecisionController(DecisionRecords decisions, List<HiddenFields> fieldRules, JsonMapper json) {
        this.decisions = decisions;
        this.fieldRules = fieldRules;
        this.json = json;
    }

    @GetMapping
    List<Object> forSubject(@RequestParam String subjectType, @RequestParam String subjectId) {
        YewuPrincipal reader = CurrentUser.get();
        return visible(reader, decisions.forSubject(subjectType, subjectId));
    }

    /** The decisions without the inputs any capability's field rule hides from this reader (e.g. credit data). */
    private List<Object> visible(YewuPrincipal reader, List<StoredDecision> stored) {
        Set<String> hidden = new HashSet<>();
        fieldRules.forEach(rule -> hidden.addAll(rule.from(reader)));
        return stored.stream().map(d -> HiddenFields.strip(json.convertValue(d, Object.class), hidden)).toList();
    }
}
