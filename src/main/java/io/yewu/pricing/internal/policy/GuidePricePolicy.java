package io.yewu.pricing.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.RoleCode;
import io.yewu.pricing.ProductKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * PRC-1 and PRC-2: which guide price a line is checked against. A standard product takes the newest approved price
 * list entry in force on the day; a non-standard product (or a standard one missing from the lists) takes the
 * answer to its quote request (PRC-3). Price lists are drafted by the marketing director and approved by the general
 * manager.
 */
public final class GuidePricePolicy {

    /** One product's price in one price list. */
    public record ListedPrice(long priceListId, LocalDate effectiveFrom, boolean approved, BigDecimal guidePrice) {}

    /** Where the guide price came from, recorded on the line (PRC-2). */
    public record GuidePrice(BigDecimal price, Long priceListId, boolean fromQuoteRequest) {}

    public Decision<Optional<GuidePrice>> guidePrice(ProductKind kind, List<ListedPrice> listed,
                                                     Optional<BigDecimal> answeredRequest, LocalDate on,
                                                     PricingRules rules) {
        if (kind == ProductKind.STANDARD) {
            Optional<ListedPrice> inForce = listed.stream()
                    .filter(l -> l.approved() && !l.effectiveFrom().isAfter(on))
                    .max(Comparator.comparing(ListedPrice::effectiveFrom).thenComparing(ListedPrice::priceListId));
            if (inForce.isPresent()) {
                ListedPrice l = inForce.get();
                return Decision.of(Optional.of(new GuidePrice(l.guidePrice(), l.priceListId(), false)), rules.settingsVersion(),
                        hit("PRC-2", "常规产品按当日生效的已批准价格表的指导价（含税）",
                                "A standard product takes the tax-inclusive guide price of the approved price list in force on the day",
                                "priceListId", l.priceListId(), "effectiveFrom", l.effectiveFrom(), "guidePrice", l.guidePrice(), "on", on));
            }
        }
        if (answeredRequest.isPresent()) {
            return Decision.of(Optional.of(new GuidePrice(answeredRequest.get(), null, true)), rules.settingsVersion(),
                    hit("PRC-3", "非标产品或指导价表上没有的产品，按财务答复询价的指导价",
                            "A non-standard item, or one missing from the price list, takes the guide price finance answered",
                            "kind", kind, "guidePrice", answeredRequest.get(), "on", on));
        }
        return Decision.of(Optional.empty(), rules.settingsVersion(), hit("PRC-1",
                "没有可用的指导价：须提交询价（非标产品按询价定价）",
                "No guide price available: raise a quote request (non-standard items are priced on request)",
                "kind", kind, "on", on));
    }

    /** PRC-2: who may draft a price list and who approves it; empty steps with a refusal hit when the drafter may not. */
    public Decision<List<RoleCode>> priceListApproval(RoleCode drafter, PricingRules rules) {
        if (drafter != RoleCode.MARKETING_DIRECTOR) {
            return Decision.of(List.of(), rules.settingsVersion(), hit("PRC-2",
                    "价格策略由营销总监拟定，其他角色不能提交价格表", "Price lists are drafted by the marketing director only",
                    "drafter", drafter));
        }
        return Decision.of(List.of(RoleCode.GENERAL_MANAGER), rules.settingsVersion(), hit("PRC-2",
                "营销总监拟定的价格表须经总经理批准，自生效日起适用", "A price list drafted by the marketing director applies from its effective date once the general manager approves it",
                "drafter", drafter));
    }
}
