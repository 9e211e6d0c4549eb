package io.yewu.service.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SVC-6 campaign return visits: the drawn customers are shared among the return-visit desk in turn (round robin,
 * in the desk's order), so no one gets more than one call above another.
 */
public final class CampaignPolicy {

    private CampaignPolicy() {}

    /** The desk member for each of {@code customers} drawn customers, in order; empty when the desk is empty. */
    public static Decision<List<Long>> share(int customers, List<Long> desk, long settingsVersion) {
        List<Long> to = new ArrayList<>(customers);
        if (!desk.isEmpty()) for (int i = 0; i < customers; i++) to.add(desk.get(i % desk.size()));
        int most = desk.isEmpty() ? 0 : (customers + desk.size() - 1) / desk.size();
        Map<String, Object> in = Map.of("customers", customers, "desk", desk.size(), "mostPerPerson", most);
        return Decision.of(to, settingsVersion, desk.isEmpty()
                ? new RuleHit("SVC-6", "没有回访员，无法分配统一回访", "No return-visit staff to share the campaign among", in)
                : new RuleHit("SVC-6", customers + " 户客户由 " + desk.size() + " 名回访员轮流分配，每人最多 " + most + " 户",
                "Shared in turn among " + desk.size() + " return-visit staff: at most " + most + " each", in));
    }
}
