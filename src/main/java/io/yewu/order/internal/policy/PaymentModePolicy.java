package io.yewu.order.internal.policy;

import io.yewu.order.PaymentMode;
import io.yewu.platform.decision.Decision;

import java.math.BigDecimal;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-3a … ORD-3c: the most lenient payment mode an order may get. The salesperson may always agree a stricter one
 * (a customer allowed to pay on delivery may pay before shipment); never a more lenient one.
 */
public final class PaymentModePolicy {

    /** @param creditDays the term days for {@link PaymentMode#CREDIT}, else 0 */
    public record PaymentTerms(PaymentMode mode, int creditDays) {}

    /** @param total the order total including tax */
    public Decision<PaymentTerms> decide(BigDecimal total, CustomerFacts customer, OrderRules rules) {
        boolean home = customer.isHomeCity(rules);
        if (customer.hasCredit()) {
            return Decision.of(new PaymentTerms(PaymentMode.CREDIT, customer.credit().termDays()), rules.settingsVersion(),
                    hit("ORD-3c", "帐期客户：先发货，帐期到期付款，须经帐期审批", "Credit customer: ships on credit, due after the term days; the credit approvals apply",
                            "termDays", customer.credit().termDays(), "newCustomer", customer.newCustomer(), "total", total));
        }
        if (customer.newCustomer()) {
            boolean onDelivery = home && total.compareTo(rules.payOnDeliveryMinTotal()) >= 0;
            return Decision.of(new PaymentTerms(onDelivery ? PaymentMode.PAY_ON_DELIVERY : PaymentMode.PAY_BEFORE_SHIPMENT, 0),
                    rules.settingsVersion(), hit("ORD-3a",
                            onDelivery ? "本地新客户单次订单达到起点金额，可货到付款" : "新客户现款现货：款到发货",
                            onDelivery ? "New home-city customer at or above the minimum: may pay on delivery"
                                    : "New customer on cash terms: pay before shipment",
                            "city", customer.city(), "homeCity", rules.homeCity(), "total", total,
                            "payOnDeliveryMinTotal", rules.payOnDeliveryMinTotal()));
        }
        boolean onDelivery = home && rules.existingPayOnDelivery();
        return Decision.of(new PaymentTerms(onDelivery ? PaymentMode.PAY_ON_DELIVERY : PaymentMode.PAY_BEFORE_SHIPMENT, 0),
                rules.settingsVersion(), hit("ORD-3b",
                        onDelivery ? "本地老客户（无帐期）：可货到付款" : "老客户（无帐期）：款到发货",
                        onDelivery ? "Existing home-city customer without credit terms: may pay on delivery"
                                : "Existing customer without credit terms: pay before shipment",
                        "city", customer.city(), "homeCity", rules.homeCity(),
                        "existingPayOnDelivery", rules.existingPayOnDelivery(), "total", total));
    }
}
