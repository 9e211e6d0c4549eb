package io.yewu.customer.internal;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * TEAM-2: each salesperson's daily goals (PLT-2 settings). They live beside the records they are counted from
 * (intention customers, meetings) until the team-rhythm capability exists; the keys already carry its name.
 */
@Component
class DailyGoalSettings implements SettingCatalog {

    static final SettingDefinition<Long> NEW_INTENTIONS = SettingDefinition.of("team.daily-goal.new-intentions", SettingType.INTEGER, 3L)
            .withRange(0L, 100L).withUnit("个", "customers").withRules("TEAM-2")
            .withName("每日目标：新增意向客户", "Daily goal: new intention customers")
            .withDescription("业务员每个工作日至少新增的意向客户数，工作台按当天记录实时显示进度",
                    "New intention customers each salesperson should add per working day; the home page shows live progress");
    static final SettingDefinition<Long> MEETINGS = SettingDefinition.of("team.daily-goal.meetings", SettingType.INTEGER, 1L)
            .withRange(0L, 50L).withUnit("次", "meetings").withRules("TEAM-2")
            .withName("每日目标：客户见面", "Daily goal: customer meetings")
            .withDescription("业务员每个工作日至少与客户见面（拜访或会面）的次数",
                    "Customer meetings (visits or meetings) each salesperson should hold per working day");

    @Override
    public List<SettingDefinition<?>> definitions() {
        return List.of(NEW_INTENTIONS, MEETINGS);
    }
}
