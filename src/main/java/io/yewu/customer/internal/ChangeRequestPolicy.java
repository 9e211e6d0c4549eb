package io.yewu.customer.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.RoleCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CUS-15: a change to legal name, credit code, invoice details or credit terms needs a manager's approval; granting
 * or raising credit terms needs a credit investigation, is decided by the business manager and confirmed by
 * finance. Pure: returns the approval steps with the reasons.
 */
public final class ChangeRequestPolicy {

    public record Terms(Integer termDays, BigDecimal limit) {

        boolean grantsOrRaises(Terms before) {
            if (termDays == null || limit == null) return false;
            if (before.termDays() == null || before.limit() == null) return true;
            return termDays > before.termDays() || limit.compareTo(before.limit()) > 0;
        }
    }

    public Decision<List<RoleCode>> steps(Terms before, Terms after, boolean termsChanged, boolean hasInvestigation,
                                          long settingsVersion) {
        List<RuleHit> hits = new ArrayList<>();
        List<RoleCode> steps = new ArrayList<>(List.of(RoleCode.BUSINESS_MANAGER));
        hits.add(new RuleHit("CUS-15", "客户名称、信用代码、开票信息、帐期的变更须经经理审批",
                "Changes to legal name, credit code, invoice details or credit terms need a manager's approval", Map.of()));
        if (termsChanged && after.grantsOrRaises(before)) {
            hits.add(new RuleHit("CUS-15", "授予或提高帐期：须附信用调查，业务经理决定，财务确认",
                    "Granting or raising credit terms: credit investigation attached, business manager decides, finance confirms",
                    Map.of("termDaysBefore", String.valueOf(before.termDays()), "termDaysAfter", String.valueOf(after.termDays()),
                            "limitBefore", String.valueOf(before.limit()), "limitAfter", String.valueOf(after.limit()),
                            "investigation", hasInvestigation)));
            steps.add(RoleCode.FINANCE);
        }
        return new Decision<>(List.copyOf(steps), hits, settingsVersion);
    }

    /** Whether the request may be filed at all: a grant or raise without an investigation may not. */
    public boolean needsInvestigation(Terms before, Terms after, boolean termsChanged) {
        return termsChanged && after.grantsOrRaises(before);
    }
}
