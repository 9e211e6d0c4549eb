package io.yewu.order.internal.policy;

import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;

import java.math.BigDecimal;
import java.util.List;

/** The thresholds of spec 03 (PLT-2), keys {@code order.*}. The VAT rate is the platform's {@code money.vat-rate}. */
public final class OrderSettings {

    public static final SettingDefinition<String> HOME_CITY =
            SettingDefinition.of("order.home-city", SettingType.STRING, "广州").withRules("ORD-2", "ORD-3a", "ORD-3b")
                    .withName("本地城市", "Home city")
                    .withDescription("本地新客户满额可货到付款；与客户档案的城市比较（不含“市”）。",
                            "New customers here may pay on delivery above the minimum; compared with the customer's city (without 市).");
    public static final SettingDefinition<BigDecimal> PAY_ON_DELIVERY_MIN_TOTAL =
            SettingDefinition.of("order.pay-on-delivery.min-total", SettingType.MONEY, new BigDecimal("1500.00"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("100000000.00")).withUnit("元", "yuan").withRules("ORD-3a")
                    .withName("本地新客户货到付款起点", "New home-city customer: pay on delivery from")
                    .withDescription("本地新客户单次订单含税金额达到该金额可货到付款，否则款到发货。",
                            "A new home-city customer may pay on delivery from this order total (tax included); below it, pay before shipment.");
    public static final SettingDefinition<Boolean> EXISTING_PAY_ON_DELIVERY =
            SettingDefinition.of("order.existing.pay-on-delivery-home-city", SettingType.BOOLEAN, true).withRules("ORD-3b")
                    .withName("本地老客户可货到付款", "Existing home-city customers may pay on delivery")
                    .withDescription("无帐期的本地老客户可货到付款；关闭则一律款到发货。",
                            "Existing home-city customers without credit terms may pay on delivery; off: pay before shipment.");
    public static final SettingDefinition<BigDecimal> DEPOSIT_SHARE =
            SettingDefinition.of("order.deposit-share", SettingType.DECIMAL, new BigDecimal("0.30"))
                    .withRange(BigDecimal.ZERO, BigDecimal.ONE).withRules("ORD-4")
                    .withName("定制产品定金比例", "Deposit on custom lines")
                    .withDescription("定制（非标）产品行金额的该比例须在投产前付清，0.30 即 30%。",
                            "Share of the custom (non-standard) lines' amount due before production; 0.30 is 30 %.");
    public static final SettingDefinition<BigDecimal> CREDIT_MANAGER_ABOVE =
            SettingDefinition.of("order.credit.manager-above", SettingType.MONEY, new BigDecimal("20000.00"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("100000000.00")).withUnit("元", "yuan").withRules("ORD-5a")
                    .withName("帐期订单业务经理确认（超过）", "Credit order: business manager above")
                    .withDescription("老帐期客户订单含税金额超过该金额，发货前须业务经理确认。",
                            "An existing credit customer's order above this total (tax included) needs the business manager before shipment.");
    public static final SettingDefinition<BigDecimal> CREDIT_GM_ABOVE =
            SettingDefinition.of("order.credit.general-manager-above", SettingType.MONEY, new BigDecimal("50000.00"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("100000000.00")).withUnit("元", "yuan").withRules("ORD-5a")
                    .withName("帐期订单总经理确认（超过）", "Credit order: general manager above")
                    .withDescription("老帐期客户订单含税金额超过该金额，发货前须总经理确认。",
                            "An existing credit customer's order above this total (tax included) needs the general manager before shipment.");
    public static final SettingDefinition<Boolean> CREDIT_LADDER_BOTH =
            SettingDefinition.of("order.credit.ladder-both", SettingType.BOOLEAN, false).withRules("ORD-5a")
                    .withName("大额帐期订单经理与总经理依次确认", "Large credit orders: manager, then general manager")
                    .withDescription("关闭：超过总经理金额只须总经理确认（代替业务经理）；开启：业务经理与总经理依次确认。",
                            "Off: above the general manager's amount only the general manager confirms (instead); on: both in turn.");
    public static final SettingDefinition<BigDecimal> NEW_CUSTOMER_CREDIT_FROM =
            SettingDefinition.of("order.credit.new-customer-from", SettingType.MONEY, new BigDecimal("20000.00"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("100000000.00")).withUnit("元", "yuan").withRules("ORD-5b")
                    .withName("新帐期客户订单双重确认（达到）", "New credit customer: manager and general manager from")
                    .withDescription("新客户实行帐期的订单含税金额达到该金额，须业务经理和总经理依次确认。",
                            "A new customer's credit order from this total (tax included) needs the business manager, then the general manager.");
    public static final SettingDefinition<Long> CREDIT_HOLD_OVERDUE_DAYS =
            SettingDefinition.of("order.credit.hold-overdue-days", SettingType.INTEGER, 30L)
                    .withRange(0L, 3650L).withUnit("天", "days").withRules("ORD-5c")
                    .withName("逾期冻结天数", "Credit hold after days overdue")
                    .withDescription("客户有应收款逾期超过该天数时，新帐期订单冻结，须总经理说明理由放行。",
                            "A receivable overdue by more than this many days puts the customer's credit orders on hold until the general manager releases them.");
    public static final SettingDefinition<Long> PROMISE_WORKING_DAYS =
            SettingDefinition.of("order.delivery.promise-working-days", SettingType.INTEGER, 4L)
                    .withRange(0L, 60L).withUnit("工作日", "working days").withRules("ORD-7")
                    .withName("常规产品发货承诺", "Standard products ship within")
                    .withDescription("常规产品自订单放行后在该工作日数内发货。",
                            "Standard lines ship within this many working days of release.");
    public static final SettingDefinition<BigDecimal> VAT_INVOICE_MIN_AMOUNT =
            SettingDefinition.of("order.invoice.vat-min-amount", SettingType.MONEY, new BigDecimal("5000.00"))
                    .withRange(BigDecimal.ZERO, new BigDecimal("100000000.00")).withUnit("元", "yuan").withRules("INV-1")
                    .withName("增值税专用发票起开金额", "VAT special invoice from")
                    .withDescription("增值税专用发票只开该金额及以上；不足的可开普通发票，或累计到该金额再开专票。",
                            "VAT special invoices only from this amount; below it an ordinary invoice, or accumulate until it is reached.");

    private OrderSettings() {}

    public static List<SettingDefinition<?>> definitions() {
        return List.of(HOME_CITY, PAY_ON_DELIVERY_MIN_TOTAL, EXISTING_PAY_ON_DELIVERY, DEPOSIT_SHARE,
                CREDIT_MANAGER_ABOVE, CREDIT_GM_ABOVE, CREDIT_LADDER_BOTH, NEW_CUSTOMER_CREDIT_FROM,
                CREDIT_HOLD_OVERDUE_DAYS, PROMISE_WORKING_DAYS, VAT_INVOICE_MIN_AMOUNT);
    }
}
