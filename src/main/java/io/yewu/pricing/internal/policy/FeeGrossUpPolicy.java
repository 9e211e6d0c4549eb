package io.yewu.pricing.internal.policy;

import io.yewu.platform.decision.Decision;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * PRC-8: a deal carrying a PR or other fee of x of the sales price is quoted at P = G / (1 − x), rounded up to the
 * fen, so that the net price the company keeps is G or a fen above it.
 */
public final class FeeGrossUpPolicy {

    public Decision<BigDecimal> quotedPrice(BigDecimal guidePrice, BigDecimal feeShare, PricingRules rules) {
        if (feeShare.signum() < 0 || feeShare.compareTo(BigDecimal.ONE) >= 0 || guidePrice.signum() <= 0) {
            throw new IllegalArgumentException("fee share must be in [0, 1) and the guide price positive");
        }
        BigDecimal p = guidePrice.divide(BigDecimal.ONE.subtract(feeShare), MathContext.DECIMAL64)
                .setScale(2, RoundingMode.CEILING);
        return Decision.of(p, rules.settingsVersion(), hit("PRC-8",
                "含费用报价：售价 = 指导价 / (1 − x)，向上取整到分", "Price with a fee: P = G / (1 − x), rounded up to the fen",
                "guidePrice", guidePrice, "feeShare", feeShare, "quotedPrice", p));
    }

    /**
     * PRC-8 with MKT-1: how much of a deal's fee expense may be paid out now. With the setting on (the default) the
     * fee is payable only once the customer has paid the order in full; with it off, at once.
     */
    public Decision<BigDecimal> payableNow(BigDecimal feeExpense, BigDecimal orderTotal, BigDecimal received, PricingRules rules) {
        boolean paid = received.compareTo(orderTotal) >= 0;
        boolean payable = !rules.feePayableAfterPayment() || paid;
        BigDecimal amount = payable ? feeExpense : BigDecimal.ZERO.setScale(2);
        return Decision.of(amount, rules.settingsVersion(), hit("PRC-8",
                payable ? "公关或其他费用可以支付" : "客户付清货款后方可支付公关或其他费用",
                payable ? "The deal's fee may be paid out" : "The deal's fee is payable once the customer has paid",
                "feeExpense", feeExpense, "orderTotal", orderTotal, "received", received,
                "payableAfterPayment", rules.feePayableAfterPayment()));
    }
}
