package io.yewu.order.internal.policy;

import io.yewu.platform.settings.PlatformSettings;
import io.yewu.platform.settings.SettingsSnapshot;

import java.math.BigDecimal;

/** The order and settlement settings in force at one instant, as the policies read them. */
public record OrderRules(String homeCity, BigDecimal payOnDeliveryMinTotal, boolean existingPayOnDelivery,
                         BigDecimal depositShare, BigDecimal creditManagerAbove, BigDecimal creditGeneralManagerAbove,
                         boolean creditLadderBoth, BigDecimal newCustomerCreditFrom, long creditHoldOverdueDays,
                         long promiseWorkingDays, BigDecimal vatInvoiceMinAmount, BigDecimal vatRate,
                         long settingsVersion) {

    public static OrderRules from(SettingsSnapshot s) {
        return new OrderRules(s.get(OrderSettings.HOME_CITY), s.get(OrderSettings.PAY_ON_DELIVERY_MIN_TOTAL),
                s.get(OrderSettings.EXISTING_PAY_ON_DELIVERY), s.get(OrderSettings.DEPOSIT_SHARE),
                s.get(OrderSettings.CREDIT_MANAGER_ABOVE), s.get(OrderSettings.CREDIT_GM_ABOVE),
                s.get(OrderSettings.CREDIT_LADDER_BOTH), s.get(OrderSettings.NEW_CUSTOMER_CREDIT_FROM),
                s.get(OrderSettings.CREDIT_HOLD_OVERDUE_DAYS), s.get(OrderSettings.PROMISE_WORKING_DAYS),
                s.get(OrderSettings.VAT_INVOICE_MIN_AMOUNT), s.get(PlatformSettings.VAT_RATE), s.version());
    }

    public static OrderRules defaults() {
        return from(SettingsSnapshot.defaults());
    }

    /** ORD-2: whether {@code city} is the home city, compared without the 市 suffix and surrounding spaces. */
    public boolean isHomeCity(String city) {
        return city != null && strip(city).equals(strip(homeCity));
    }

    private static String strip(String city) {
        String c = city.trim();
        return c.endsWith("市") ? c.substring(0, c.length() - 1) : c;
    }
}
