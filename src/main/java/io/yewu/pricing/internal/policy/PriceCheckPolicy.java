package io.yewu.pricing.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceLine;
import io.yewu.pricing.PriceVerdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * The net-price checks of every quote and order line (PRC-4 … PRC-8, PRC-11), run on every change (PRC-9).
 * N = P − F, F = P × x half-up to the fen; all thresholds apply to N. Pure: the line and the rules are inputs.
 */
public final class PriceCheckPolicy {

    private static final BigDecimal ONE_TENTH = new BigDecimal("0.1");

    public Decision<PriceCheck> check(PriceLine line, PricingRules rules) {
        List<RuleHit> hits = new ArrayList<>();
        BigDecimal x = line.feeShare();
        BigDecimal p = line.unitPrice();
        if (x.signum() < 0 || x.compareTo(BigDecimal.ONE) >= 0 || p.signum() <= 0 || line.quantity().signum() <= 0) {
            hits.add(hit("PRC-8", "单价须大于零，费用比例须在 0 与 100% 之间（不含 100%）",
                    "The unit price must be above zero and the fee share at least 0 and below 100 %",
                    "unitPrice", p, "feeShare", x, "quantity", line.quantity()));
            return done(PriceVerdict.REFUSED, line, null, null, null, null, null, hits, rules);
        }
        BigDecimal g = line.guidePrice();
        if (g == null || g.signum() <= 0) {
            hits.add(hit("PRC-3", "尚无指导价：须提交询价，由财务答复指导价后方可发出报价",
                    "No guide price yet: raise a quote request; the quote can be sent once finance answers with a guide price",
                    "unitPrice", p));
            return done(PriceVerdict.AWAITING_GUIDE_PRICE, line, null, null, null, null, null, hits, rules);
        }
        BigDecimal fee = LineMoney.fen(p.multiply(x));
        BigDecimal n = p.subtract(fee);
        if (x.signum() > 0) {
            hits.add(hit("PRC-8", "含公关或其他费用：费用 F = P × x，净价 N = P − F，按净价检查",
                    "Carries a PR or other fee: F = P × x, net price N = P − F; the checks apply to N",
                    "unitPrice", p, "feeShare", x, "feePerUnit", fee, "netPrice", n, "quantity", line.quantity(),
                    "payableAfterPayment", rules.feePayableAfterPayment()));
        }
        BigDecimal allowance = line.vatInvoice() ? BigDecimal.ZERO : rules.noVatAllowance();
        BigDecimal floor = g.multiply(rules.hardFloor());
        if (n.compareTo(floor) < 0) {
            hits.add(hit("PRC-7", "净价低于指导价 × 最低比例，拒绝，任何审批都不能放行",
                    "Net price below the guide price × the hard floor: refused, no approval can allow it",
                    "guidePrice", g, "netPrice", n, "hardFloor", rules.hardFloor(), "floorPrice", floor));
            return done(PriceVerdict.REFUSED, line, fee, n, allowance, null, null, hits, rules);
        }
        if (n.compareTo(g) >= 0) {
            hits.add(hit("PRC-4", "净价不低于指导价，无需审批，由业务员决定报价",
                    "Net price at or above the guide price: no approval, the salesperson decides",
                    "guidePrice", g, "netPrice", n));
            return done(PriceVerdict.OK, line, fee, n, allowance, BigDecimal.ZERO, BigDecimal.ZERO, hits, rules);
        }
        BigDecimal allowed = g.multiply(BigDecimal.ONE.subtract(allowance));
        if (!line.vatInvoice() && n.compareTo(allowed) >= 0) {
            hits.add(hit("PRC-5", "客户不开增值税专用发票，净价在指导价下浮允许范围内，无需审批",
                    "The customer takes no VAT special invoice and the net price is within the allowance: no approval",
                    "guidePrice", g, "netPrice", n, "allowance", allowance, "lowestWithoutApproval", allowed));
            return done(PriceVerdict.OK, line, fee, n, allowance, BigDecimal.ZERO, BigDecimal.ZERO, hits, rules);
        }
        BigDecimal s = g.subtract(n).divide(g, MathContext.DECIMAL64).subtract(allowance).setScale(6, RoundingMode.HALF_UP);
        BigDecimal reduction = s.multiply(ONE_TENTH).setScale(6, RoundingMode.HALF_UP);
        hits.add(hit("PRC-6", "特价：须业务经理批准特价申请；每低 1% 业务员该行提成率降 0.1 个百分点",
                "Special price: needs the business manager's approval; each 1 % lowers the line's commission rate by 0.1 point",
                "guidePrice", g, "netPrice", n, "allowance", allowance, "specialDiscount", s,
                "commissionReduction", reduction, "vatInvoice", line.vatInvoice()));
        return done(PriceVerdict.SPECIAL_PRICE, line, fee, n, allowance, s, reduction, hits, rules);
    }

    /**
     * PLT-3 for special prices: an approval covers the price it approved. It still holds after an edit only when the
     * guide price is the same and the new net price is not lower; anything else needs a new approval.
     */
    public Decision<Boolean> approvalHolds(PriceCheck approved, PriceCheck now, PricingRules rules) {
        boolean holds = now.verdict() != PriceVerdict.REFUSED && approved.guidePrice() != null && now.guidePrice() != null
                && approved.guidePrice().compareTo(now.guidePrice()) == 0
                && now.netPrice().compareTo(approved.netPrice()) >= 0;
        return Decision.of(holds, rules.settingsVersion(), hit("PRC-9",
                holds ? "特价批准仍然有效：净价未降低" : "特价批准失效：净价降低或指导价变化，须重新申请",
                holds ? "The special-price approval still holds: the net price did not fall"
                        : "The special-price approval no longer holds: lower net price or another guide price, apply again",
                "approvedNetPrice", approved.netPrice(), "netPrice", now.netPrice(),
                "approvedGuidePrice", approved.guidePrice(), "guidePrice", now.guidePrice()));
    }

    private static Decision<PriceCheck> done(PriceVerdict verdict, PriceLine line, BigDecimal fee, BigDecimal net,
                                             BigDecimal allowance, BigDecimal s, BigDecimal reduction,
                                             List<RuleHit> hits, PricingRules rules) {
        BigDecimal expense = fee == null ? null : LineMoney.fen(fee.multiply(line.quantity()));
        return new Decision<>(new PriceCheck(verdict, line.guidePrice(), line.unitPrice(), fee, net, allowance, s,
                reduction, expense), hits, rules.settingsVersion());
    }
}
