package io.yewu.order.internal.policy;

import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.pricing.ProductKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-7: standard lines ship within N working days of release (the release day not counted); custom lines on the
 * date production committed, entered on the order. The order's promise is the latest of its lines'. A shipment after
 * the promise, or no shipment once the promise has passed, is late.
 */
public final class DeliveryPromisePolicy {

    /** @param productionDate the date production committed for a custom line; null for standard lines or not yet entered */
    public record Line(ProductKind kind, LocalDate productionDate) {}

    /** @return the ship-by date, empty while a custom line still lacks its production date */
    public Decision<Optional<LocalDate>> shipBy(LocalDate releasedOn, List<Line> lines, WorkCalendar calendar, OrderRules rules) {
        boolean anyStandard = lines.stream().anyMatch(l -> l.kind() == ProductKind.STANDARD);
        boolean missing = lines.stream().anyMatch(l -> l.kind() == ProductKind.NON_STANDARD && l.productionDate() == null);
        LocalDate standard = anyStandard ? calendar.addWorkingDays(releasedOn, (int) rules.promiseWorkingDays()) : null;
        LocalDate latestCustom = lines.stream().map(Line::productionDate).filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
        if (missing) {
            return Decision.of(Optional.empty(), rules.settingsVersion(), hit("ORD-7",
                    "定制产品尚未录入生产部门承诺的发货日期", "A custom line still lacks the date production committed",
                    "releasedOn", releasedOn, "standardShipBy", standard));
        }
        LocalDate shipBy = standard == null ? latestCustom : latestCustom == null || standard.isAfter(latestCustom) ? standard : latestCustom;
        return Decision.of(Optional.ofNullable(shipBy), rules.settingsVersion(), hit("ORD-7",
                "常规产品放行后 " + rules.promiseWorkingDays() + " 个工作日内发货；定制产品按生产部门承诺日期发货",
                "Standard lines ship within " + rules.promiseWorkingDays() + " working days of release; custom lines on the date production committed",
                "releasedOn", releasedOn, "promiseWorkingDays", rules.promiseWorkingDays(), "standardShipBy", standard,
                "customShipBy", latestCustom, "shipBy", shipBy));
    }

    /** @param shippedOn null while not shipped */
    public Decision<Boolean> late(LocalDate shipBy, LocalDate shippedOn, LocalDate today, OrderRules rules) {
        boolean late = shippedOn != null ? shippedOn.isAfter(shipBy) : today.isAfter(shipBy);
        return Decision.of(late, rules.settingsVersion(), hit("ORD-7",
                late ? "发货晚于承诺日期" : "按承诺日期发货", late ? "Shipped (or still not shipped) after the promised date" : "On time",
                "shipBy", shipBy, "shippedOn", shippedOn, "today", today));
    }

    /** The month's on-time shipment rate in per cent (two decimals) over the shipments made; empty when none. */
    public Optional<BigDecimal> onTimeRate(List<Boolean> lateFlags) {
        if (lateFlags.isEmpty()) return Optional.empty();
        long onTime = lateFlags.stream().filter(l -> !l).count();
        return Optional.of(BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(lateFlags.size()), 2, RoundingMode.HALF_UP));
    }
}
