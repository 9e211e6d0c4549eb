package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * RCV-2 and COM-3: who a receipt is credited to. The salesperson owning the customer on the receipt date (CUS-4,
 * CUS-7); when the customer has no owner that day, the salesperson named on the order (备注姓名); with neither,
 * no one earns commission on it.
 */
public final class SalesCreditPolicy {

    /** One period of the ownership ledger: from inclusive, to exclusive (null while current). */
    public record Ownership(long salespersonId, LocalDate from, LocalDate to) {}

    public Decision<Optional<Long>> creditedTo(LocalDate receiptDate, List<Ownership> ledger, Long annotated, OrderRules rules) {
        long v = rules.settingsVersion();
        Optional<Long> owner = ledger.stream()
                .filter(o -> !o.from().isAfter(receiptDate) && (o.to() == null || o.to().isAfter(receiptDate)))
                .map(Ownership::salespersonId).findFirst();
        if (owner.isPresent()) {
            return Decision.of(owner, v, hit("RCV-2", "回款计入到帐当日客户归属的业务员",
                    "The receipt is credited to the salesperson who owned the customer on the receipt date",
                    "receiptDate", receiptDate, "owner", owner.get(), "annotated", annotated));
        }
        if (annotated != null) {
            return Decision.of(Optional.of(annotated), v, hit("COM-3", "客户无归属：按订单备注的业务员计提成",
                    "The customer had no owner: credited to the salesperson named on the order",
                    "receiptDate", receiptDate, "annotated", annotated));
        }
        return Decision.of(Optional.empty(), v, hit("COM-3", "客户无归属且订单未备注业务员：不计提成",
                "The customer had no owner and the order names no salesperson: no one earns commission",
                "receiptDate", receiptDate));
    }
}
