package io.yewu.customer.internal.visit;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;
import org.springframework.stereotype.Component;

import java.util.List;

/** The settings of route visits (CUS-14). */
@Component
class VisitSettings implements SettingCatalog {

    /** A check-in farther than this from the customer's location is flagged. */
    static final SettingDefinition<Long> CHECK_IN_RADIUS =
            SettingDefinition.of("customer.visit.check-in-radius-m", SettingType.INTEGER, 500L)
                    .withRange(10L, 100_000L)
                    .withUnit("米", "metres")
                    .withName("拜访签到允许距离", "Visit check-in radius")
                    .withDescription("签到位置与客户位置的距离超过该值时，签到被标记为异常。",
                            "A check-in farther than this from the customer's location is flagged.")
                    .withRules("CUS-14");

    @Override
    public List<SettingDefinition<?>> definitions() {
        return List.of(CHECK_IN_RADIUS);
    }
}
