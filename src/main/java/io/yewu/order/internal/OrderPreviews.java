package io.yewu.order.internal;

import io.yewu.order.internal.policy.CreditHoldPolicy;
import io.yewu.order.internal.policy.OrderLine;
import io.yewu.order.internal.policy.PaymentModePolicy;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceVerdict;
import io.yewu.pricing.ProductKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The preview (issue 10): a customer and lines, or a saved order, in; every decision the order would get now out —
 * the price check of each line, payment mode, deposit, credit approvals, credit hold, delivery promise. Nothing is
 * saved; a refused line is shown with its check rather than refused.
 */
@Service
class OrderPreviews {

    record PreviewInput(Long customerId, Long orderId, List<LineChecks.LineInput> lines, LocalDate customShipOn) {}

    record LineView(int lineNo, long productId, String productCode, String productName, ProductKind kind,
                    BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, BigDecimal tax, PriceVerdict verdict,
                    Long priceListId, Decision<PriceCheck> priceCheck) {}

    record Preview(long customerId, String customerName, boolean newCustomer, BigDecimal total, BigDecimal tax,
                   List<LineView> lines, Decision<Boolean> standing, Decision<PaymentModePolicy.PaymentTerms> paymentMode,
                   Decision<BigDecimal> deposit, Decision<List<RoleCode>> creditApproval,
                   Decision<CreditHoldPolicy.Hold> creditHold, Decision<Optional<LocalDate>> deliveryPromise,
                   boolean specialPriceApproval, long settingsVersion) {}

    private final OrderCustomers customers;
    private final OrderTerms terms;
    private final LineChecks lineChecks;
    private final OrderQueries queries;

    OrderPreviews(OrderCustomers customers, OrderTerms terms, LineChecks lineChecks, OrderQueries queries) {
        this.customers = customers;
        this.terms = terms;
        this.lineChecks = lineChecks;
        this.queries = queries;
    }

    @Transactional(readOnly = true)
    Preview preview(YewuPrincipal me, PreviewInput in) {
        Long customerId = in.customerId();
        List<LineChecks.LineInput> lines = in.lines();
        LocalDate customShipOn = in.customShipOn();
        Long orderId = in.orderId();
        if (orderId != null) {
            OrderQueries.Detail order = queries.get(me, orderId);
            customerId = order.order().customerId();
            lines = order.lines().stream().map(l -> new LineChecks.LineInput(l.productId(), l.quantity(), l.unitPrice(),
                    l.feeShare(), null)).toList();
            if (customShipOn == null) customShipOn = order.order().customShipOn();
        }
        if (customerId == null) throw ProblemException.invalid("customerId", "required");
        long id = customerId;
        OrderCustomers.Customer customer = customers.inScope(me, id).orElseThrow(() -> ProblemException.notFound("customer " + id));
        LineChecks.Result checked = lineChecks.check(lines, customer.vatInvoice(), terms.today(), false);
        if (!checked.problems().isEmpty()) throw ProblemException.invalid(checked.problems());
        return preview(me, customer, checked.lines(), orderId, customShipOn);
    }

    Preview preview(YewuPrincipal me, OrderCustomers.Customer customer, List<LineChecks.Checked> lines, Long orderId,
                    LocalDate customShipOn) {
        List<LineView> views = new ArrayList<>();
        List<OrderLine> orderLines = new ArrayList<>();
        BigDecimal tax = LineMoney.ZERO;
        boolean special = false;
        for (LineChecks.Checked c : lines) {
            var l = c.line();
            views.add(new LineView(c.lineNo(), l.productId(), l.productCode(), l.productName(), l.kind(), c.input().quantity(),
                    c.input().unitPrice(), l.amount(), l.tax(), c.verdict(), l.priceListId(), l.check()));
            orderLines.add(new OrderLine(l.kind(), l.amount()));
            tax = tax.add(l.tax());
            special |= c.verdict() == PriceVerdict.SPECIAL_PRICE;
        }
        OrderTerms.Evaluation e = terms.evaluate(me.companyId(), customer, orderLines, orderId, customShipOn, terms.today(),
                terms.rulesNow());
        return new Preview(customer.id(), customer.name(), e.standing().outcome(), e.total(), tax, views, e.standing(),
                e.paymentMode(), e.deposit(), e.creditApproval(), e.creditHold(), e.deliveryPromise(), special,
                e.settingsVersion());
    }
}
