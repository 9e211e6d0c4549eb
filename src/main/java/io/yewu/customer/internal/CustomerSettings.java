package io.yewu.customer.internal;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;
import org.springframework.stereotype.Component;

import java.util.List;

/** The customer rules' thresholds (PLT-2): effective-dated, versioned, changed by the administrator. */
@Component
public class CustomerSettings implements SettingCatalog {

    public static final SettingDefinition<Long> DORMANT_DAYS = SettingDefinition.of("customer.dormant-days", SettingType.INTEGER, 180L)
            .withRange(1L, 3650L).withUnit("天", "days").withRules("CUS-3")
            .withName("休眠判定天数", "Days without order before dormant")
            .withDescription("客户超过该天数没有订单即转为休眠客户", "A customer with no order for this many days becomes dormant");
    public static final SettingDefinition<Long> FIRST_CONTACT_DAYS = SettingDefinition.of("customer.first-contact-days", SettingType.INTEGER, 7L)
            .withRange(1L, 90L).withUnit("天", "days").withRules("CUS-12")
            .withName("新分配线索首次联系期限", "First contact deadline for an assigned lead")
            .withDescription("线索分配后须在该天数内首次联系，逾期提醒业务员和经理",
                    "An assigned lead must be contacted within this many days; overdue leads are flagged to owner and manager");
    public static final SettingDefinition<Boolean> POOL_RETURN = SettingDefinition.of("customer.pool-return.enabled", SettingType.BOOLEAN, false)
            .withRules("CUS-9").withName("客户自动退回公海", "Return neglected customers to the pool")
            .withDescription("长期未跟进且未下单的客户自动退回线索池", "Owned customers without follow-up and orders return to the pool");
    public static final SettingDefinition<Long> POOL_RETURN_NO_FOLLOW_UP_DAYS = SettingDefinition.of("customer.pool-return.no-follow-up-days", SettingType.INTEGER, 30L)
            .withRange(1L, 3650L).withUnit("天", "days").withRules("CUS-9")
            .withName("退回公海：未跟进天数 N", "Pool return: days without follow-up (N)");
    public static final SettingDefinition<Long> POOL_RETURN_NO_ORDER_DAYS = SettingDefinition.of("customer.pool-return.no-order-days", SettingType.INTEGER, 90L)
            .withRange(1L, 3650L).withUnit("天", "days").withRules("CUS-9")
            .withName("退回公海：未下单天数 M", "Pool return: days without order (M)");
    public static final SettingDefinition<Long> POOL_RETURN_WARNING_DAYS = SettingDefinition.of("customer.pool-return.warning-days", SettingType.INTEGER, 3L)
            .withRange(0L, 60L).withUnit("天", "days").withRules("CUS-9")
            .withName("退回公海：提前提醒天数 K", "Pool return: warning days ahead (K)");

    public static final SettingDefinition<Long> DUPLICATE_CHECKS_PER_MINUTE = SettingDefinition.of("customer.duplicate-check.per-minute", SettingType.INTEGER, 60L)
            .withRange(1L, 1000L).withUnit("次", "checks").withRules("CUS-6", "CUS-16")
            .withName("每人每分钟查重次数上限", "Duplicate checks per person per minute")
            .withDescription("建档查重与相似名称提示合计；超过后须等待，防止逐个试号还原被遮盖的电话",
                    "Exact and similar-name checks together; beyond it the user waits, so masked phones cannot be recovered by probing");
    public static final SettingDefinition<Long> DUPLICATE_CHECKS_PER_DAY = SettingDefinition.of("customer.duplicate-check.per-day", SettingType.INTEGER, 600L)
            .withRange(1L, 100000L).withUnit("次", "checks").withRules("CUS-6", "CUS-16")
            .withName("每人每天查重次数上限", "Duplicate checks per person per day")
            .withDescription("建档查重与相似名称提示合计", "Exact and similar-name checks together");

    @Override
    public List<SettingDefinition<?>> definitions() {
        return List.of(DORMANT_DAYS, FIRST_CONTACT_DAYS, POOL_RETURN, POOL_RETURN_NO_FOLLOW_UP_DAYS,
                POOL_RETURN_NO_ORDER_DAYS, POOL_RETURN_WARNING_DAYS, DUPLICATE_CHECKS_PER_MINUTE, DUPLICATE_CHECKS_PER_DAY);
    }
}
