package io.yewu.customer.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TEAM-2 daily goals: a salesperson's working day asks for at least N new intention customers and M customer
 * meetings (settings), and the progress is what the records say, never typed in. A day that is not a working day
 * (PLT-4) sets no goal. Pure: counts, targets and the calendar's verdict are inputs kept with the decision.
 */
public final class DailyGoalPolicy {

    public enum Kind { NEW_INTENTIONS, MEETINGS }

    public record Goal(Kind kind, long target, long done, boolean met) {}

    public Decision<List<Goal>> progress(long newIntentions, long meetings, long intentionTarget, long meetingTarget,
                                         boolean workingDay, long settingsVersion) {
        if (!workingDay) {
            Map<String, Object> inputs = Map.of("workingDay", false);
            return Decision.of(List.of(new Goal(Kind.NEW_INTENTIONS, 0, newIntentions, true), new Goal(Kind.MEETINGS, 0, meetings, true)),
                    settingsVersion, new RuleHit("TEAM-2", "今天不是工作日，不设每日目标", "Today is not a working day: no daily goal", inputs));
        }
        List<Goal> goals = new ArrayList<>();
        List<RuleHit> hits = new ArrayList<>();
        goals.add(goal(Kind.NEW_INTENTIONS, intentionTarget, newIntentions, hits, "新增意向客户", "new intention customers"));
        goals.add(goal(Kind.MEETINGS, meetingTarget, meetings, hits, "客户见面", "customer meetings"));
        return new Decision<>(List.copyOf(goals), hits, settingsVersion);
    }

    private static Goal goal(Kind kind, long target, long done, List<RuleHit> hits, String zh, String en) {
        boolean met = done >= target;
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("target", target);
        inputs.put("done", done);
        hits.add(new RuleHit("TEAM-2", met
                ? "今日%s目标 %d，已完成 %d，已达成".formatted(zh, target, done)
                : "今日%s目标 %d，已完成 %d，还差 %d".formatted(zh, target, done, target - done),
                met ? "Today's goal of %d %s: %d done, met".formatted(target, en, done)
                        : "Today's goal of %d %s: %d done, %d to go".formatted(target, en, done, target - done),
                inputs));
        return new Goal(kind, target, done, met);
    }
}
