package io.yewu.customer.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CUS-12: an assigned lead not contacted by its first-contact deadline is overdue and flagged to the owner and their
 * manager. Pure: the assignment, the deadline and the first contact are inputs kept with the decision.
 */
public final class FirstContactPolicy {

    public Decision<Boolean> overdue(Instant assignedAt, Instant due, Instant firstContactedAt, Instant now, long settingsVersion) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("assignedAt", assignedAt == null ? "—" : assignedAt.toString());
        inputs.put("firstContactDue", due == null ? "—" : due.toString());
        inputs.put("firstContactedAt", firstContactedAt == null ? "—" : firstContactedAt.toString());
        inputs.put("checkedAt", now.toString());
        if (due == null) {
            return Decision.of(false, settingsVersion, new RuleHit("CUS-12", "未分配的线索没有首次联系期限",
                    "A lead that was not assigned has no first-contact deadline", inputs));
        }
        if (firstContactedAt != null && !firstContactedAt.isAfter(due)) {
            return Decision.of(false, settingsVersion, new RuleHit("CUS-12", "已在期限内首次联系",
                    "First contacted within the deadline", inputs));
        }
        if (firstContactedAt == null && now.isAfter(due)) {
            return Decision.of(true, settingsVersion, new RuleHit("CUS-12", "分配后超过期限仍未首次联系，提醒业务员和业务经理",
                    "Not contacted by the first-contact deadline: the owner and their manager are alerted", inputs));
        }
        if (firstContactedAt != null) {
            return Decision.of(true, settingsVersion, new RuleHit("CUS-12", "首次联系晚于期限",
                    "First contacted after the deadline", inputs));
        }
        return Decision.of(false, settingsVersion, new RuleHit("CUS-12", "仍在首次联系期限内",
                "Still within the first-contact deadline", inputs));
    }
}
