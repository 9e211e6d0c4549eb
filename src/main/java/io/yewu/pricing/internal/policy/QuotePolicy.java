package io.yewu.pricing.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.PriceVerdict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * PRC-9 and PRC-10: what may happen to a quote given its lines' checks. A refused line cannot be saved; a special
 * price not yet approved, or a line still without a guide price, stops sending and converting; only the newest
 * version is sent, only the accepted one converts, and not after its validity.
 */
public final class QuotePolicy {

    public enum Action { SAVE, SEND, CONVERT }

    /** One line as the gate reads it: its verdict and whether its special price was approved for this price. */
    public record Line(PriceVerdict verdict, boolean specialApproved, BigDecimal amount) {}

    public record Quote(int version, int newestVersion, LocalDate issuedOn, boolean accepted, List<Line> lines) {}

    /** PRC-10: the last day a quote issued on {@code issuedOn} is valid. */
    public LocalDate validUntil(LocalDate issuedOn, PricingRules rules) {
        return issuedOn.plusDays(rules.quoteValidityDays());
    }

    /** PRC-10: tax-inclusive total and the VAT it contains (PLT-8, line by line). */
    public record Totals(BigDecimal total, BigDecimal tax) {}

    public Totals totals(List<Line> lines, PricingRules rules) {
        BigDecimal total = LineMoney.ZERO;
        BigDecimal tax = LineMoney.ZERO;
        for (Line l : lines) {
            total = total.add(LineMoney.fen(l.amount()));
            tax = tax.add(LineMoney.taxIncluded(l.amount(), rules.vatRate()));
        }
        return new Totals(total, tax);
    }

    public Decision<Boolean> allows(Action action, Quote quote, LocalDate today, PricingRules rules) {
        List<RuleHit> refusals = new ArrayList<>();
        long refused = quote.lines().stream().filter(l -> l.verdict() == PriceVerdict.REFUSED).count();
        if (refused > 0) {
            refusals.add(hit("PRC-9", "有报价行低于最低售价，不能保存", "A line is below the hard floor: it cannot be saved",
                    "refusedLines", refused));
        }
        if (action != Action.SAVE) {
            long unapproved = quote.lines().stream()
                    .filter(l -> l.verdict() == PriceVerdict.SPECIAL_PRICE && !l.specialApproved()).count();
            long unpriced = quote.lines().stream().filter(l -> l.verdict() == PriceVerdict.AWAITING_GUIDE_PRICE).count();
            if (unapproved > 0) refusals.add(hit("PRC-9", "特价尚未经业务经理批准，报价不能发出或转订单",
                    "A special price awaits the business manager's approval: the quote cannot be sent or converted",
                    "unapprovedSpecialLines", unapproved));
            if (unpriced > 0) refusals.add(hit("PRC-3", "有报价行尚无指导价，须等询价答复",
                    "A line has no guide price yet: wait for the quote request's answer", "linesWithoutGuidePrice", unpriced));
            if (quote.lines().isEmpty()) refusals.add(hit("PRC-10", "报价单没有报价行", "The quote has no lines"));
            if (quote.version() != quote.newestVersion()) refusals.add(hit("PRC-10",
                    "只能发出或转换最新版本的报价单", "Only the newest version of a quote can be sent or converted",
                    "version", quote.version(), "newestVersion", quote.newestVersion()));
        }
        if (action == Action.CONVERT) {
            LocalDate until = validUntil(quote.issuedOn(), rules);
            if (!quote.accepted()) refusals.add(hit("PRC-10", "只有客户接受的报价版本才能转为订单",
                    "Only the version the customer accepted converts into an order", "version", quote.version()));
            if (today.isAfter(until)) refusals.add(hit("PRC-10", "报价已过有效期，须修订后重新报价",
                    "The quote has expired: revise it and quote again", "issuedOn", quote.issuedOn(),
                    "validityDays", rules.quoteValidityDays(), "validUntil", until, "today", today));
        }
        if (!refusals.isEmpty()) return new Decision<>(false, refusals, rules.settingsVersion());
        return Decision.of(true, rules.settingsVersion(), hit("PRC-11",
                "价格检查均已通过：指导价以内由业务员决定报价", "All price checks pass: within the guide price the salesperson decides",
                "action", action, "lines", quote.lines().size(), "version", quote.version()));
    }
}
