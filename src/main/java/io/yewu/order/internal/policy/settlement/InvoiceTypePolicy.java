package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;

import java.math.BigDecimal;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * INV-1: a VAT special invoice only from the set amount. Below it the customer gets an ordinary invoice; one that
 * insists on a VAT invoice has small amounts accumulated until they reach the amount, then one VAT invoice covers
 * them all. Amounts priced with the no-VAT allowance (PRC-5) never go on a VAT special invoice.
 */
public final class InvoiceTypePolicy {

    public enum Type { VAT_SPECIAL, ORDINARY, ACCUMULATE }

    /** @param amount what this invoice covers now (with the accumulated amounts when it is a VAT invoice) */
    public record Plan(Type type, BigDecimal amount) {}

    /**
     * @param amount           the amount to invoice now
     * @param wantsVat         the customer asks for a VAT special invoice
     * @param accumulated      earlier amounts of this customer waiting for a VAT invoice
     * @param noVatAllowance   the amount was priced with the no-VAT allowance of PRC-5
     */
    public Decision<Plan> plan(BigDecimal amount, boolean wantsVat, BigDecimal accumulated, boolean noVatAllowance,
                               OrderRules rules) {
        long v = rules.settingsVersion();
        BigDecimal min = rules.vatInvoiceMinAmount();
        if (wantsVat && noVatAllowance) {
            return Decision.of(new Plan(Type.ORDINARY, amount), v, hit("PRC-5",
                    "按不开增值税发票下浮的价格成交，只能开普通发票", "Priced with the no-VAT allowance: an ordinary invoice only",
                    "amount", amount));
        }
        if (!wantsVat) {
            return Decision.of(new Plan(Type.ORDINARY, amount), v, hit("INV-1",
                    "客户不要增值税专用发票：开普通发票", "The customer takes no VAT special invoice: ordinary invoice", "amount", amount));
        }
        BigDecimal total = amount.add(accumulated);
        if (total.compareTo(min) >= 0) {
            return Decision.of(new Plan(Type.VAT_SPECIAL, total), v, hit("INV-1",
                    accumulated.signum() > 0 ? "累计金额达到起开金额：开一张增值税专用发票覆盖累计部分" : "金额达到起开金额：开增值税专用发票",
                    accumulated.signum() > 0 ? "The accumulated amounts reach the minimum: one VAT special invoice covers them all"
                            : "At or above the minimum: VAT special invoice",
                    "amount", amount, "accumulated", accumulated, "vatMinAmount", min));
        }
        return Decision.of(new Plan(Type.ACCUMULATE, total), v, hit("INV-1",
                "不足起开金额：累计到起开金额再开增值税专用发票", "Below the minimum: accumulated until it is reached, then one VAT special invoice",
                "amount", amount, "accumulated", accumulated, "vatMinAmount", min));
    }
}
