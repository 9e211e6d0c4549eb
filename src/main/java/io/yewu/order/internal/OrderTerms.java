package io.yewu.order.internal;

import io.yewu.order.internal.policy.CreditApprovalPolicy;
import io.yewu.order.internal.policy.CreditHoldPolicy;
import io.yewu.order.internal.policy.CustomerFacts;
import io.yewu.order.internal.policy.DeliveryPromisePolicy;
import io.yewu.order.internal.policy.DepositPolicy;
import io.yewu.order.internal.policy.OrderLine;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.PaymentModePolicy;
import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ProblemException;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.OrderTermsPreview;
import io.yewu.pricing.ProductKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decisions an order gets (ORD-2 … ORD-7): standing, payment mode, deposit, credit approvals, credit hold and
 * delivery promise, from the policies, the customer's file and exposure and the settings in force at a given
 * instant. The same evaluation serves the preview (nothing saved), quotes ({@link OrderTermsPreview}) and
 * submission (stored beside the order).
 */
@Service
class OrderTerms implements OrderTermsPreview {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Every decision about one order, in the order the UI shows them. */
    record Evaluation(BigDecimal total, BigDecimal customTotal, Decision<Boolean> standing,
                      Decision<PaymentModePolicy.PaymentTerms> paymentMode, Decision<BigDecimal> deposit,
                      Decision<List<RoleCode>> creditApproval, Decision<CreditHoldPolicy.Hold> creditHold,
                      Decision<Optional<LocalDate>> deliveryPromise, long settingsVersion,
                      CreditHoldPolicy.Exposure exposure) {

        List<Decision<?>> decisions() {
            return List.of(paymentMode, deposit, creditApproval, creditHold, deliveryPromise);
        }
    }

    private final OrderCustomers customers;
    private final Settings settings;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final PaymentModePolicy paymentModes = new PaymentModePolicy();
    private final DepositPolicy deposits = new DepositPolicy();
    private final CreditApprovalPolicy ladder = new CreditApprovalPolicy();
    private final CreditHoldPolicy holds = new CreditHoldPolicy();
    private final DeliveryPromisePolicy promises = new DeliveryPromisePolicy();

    OrderTerms(OrderCustomers customers, Settings settings, BusinessCalendar calendar, Clock clock) {
        this.customers = customers;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
    }

    OrderRules rulesAt(Instant at) {
        return OrderRules.from(settings.snapshotAt(at));
    }

    OrderRules rulesNow() {
        return rulesAt(clock.instant());
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }

    /**
     * @param rules          the settings the order was created under (PLT-2)
     * @param excludeOrderId the order itself, left out of the customer's other open credit orders
     * @param customShipOn   the date production committed for the custom lines, null while not entered
     * @param releasedOn     the day the promise counts from (today for a preview or a release now)
     */
    Evaluation evaluate(OrderCustomers.Customer customer, List<OrderLine> lines, Long excludeOrderId, LocalDate customShipOn,
                        LocalDate releasedOn, OrderRules rules) {
        long company = CurrentUser.find().map(YewuPrincipal::companyId).orElseThrow();
        return evaluate(company, customer, lines, excludeOrderId, customShipOn, releasedOn, rules);
    }

    Evaluation evaluate(long companyId, OrderCustomers.Customer customer, List<OrderLine> lines, Long excludeOrderId,
                        LocalDate customShipOn, LocalDate releasedOn, OrderRules rules) {
        BigDecimal total = lines.stream().map(OrderLine::amount).reduce(LineMoney.ZERO, BigDecimal::add);
        BigDecimal custom = lines.stream().filter(OrderLine::custom).map(OrderLine::amount).reduce(LineMoney.ZERO, BigDecimal::add);
        OrderCustomers.History history = customers.history(companyId, customer, excludeOrderId, rules);
        Decision<Boolean> standing = history.standing();
        CustomerFacts facts = customers.facts(customer, standing.outcome());
        CreditHoldPolicy.Exposure exposure = history.exposure();
        List<DeliveryPromisePolicy.Line> promiseLines = new ArrayList<>();
        for (OrderLine l : lines) promiseLines.add(new DeliveryPromisePolicy.Line(l.kind(), l.custom() ? customShipOn : null));
        return new Evaluation(total, custom, standing,
                paymentModes.decide(total, facts, rules),
                deposits.deposit(lines, rules),
                ladder.steps(total, facts, rules),
                holds.decide(total, facts, exposure, today(), rules),
                promises.shipBy(releasedOn, promiseLines, calendar.calendar(), rules),
                rules.settingsVersion(), exposure);
    }

    /** ORD-5d: whether an approval given for {@code approvedTotal} still covers {@code total}. */
    Decision<Boolean> approvalHolds(BigDecimal approvedTotal, BigDecimal total, OrderRules rules) {
        return ladder.approvalHolds(approvedTotal, total, rules);
    }

    /** PRC-10: the terms shown on a quote, for a customer of the caller's company and scope; nothing is saved. */
    @Override
    @Transactional(readOnly = true)
    public Terms preview(long customerId, List<Line> lines) {
        YewuPrincipal me = CurrentUser.get();
        OrderCustomers.Customer customer = customers.inScope(me, customerId)
                .orElseThrow(() -> ProblemException.notFound("customer " + customerId));
        List<OrderLine> orderLines = lines.stream().map(l -> new OrderLine(l.kind() == null ? ProductKind.STANDARD : l.kind(),
                l.amount() == null ? LineMoney.ZERO : LineMoney.fen(l.amount()))).toList();
        Evaluation e = evaluate(me.companyId(), customer, orderLines, null, null, today(), rulesAt(clock.instant()));
        return new Terms(e.decisions());
    }
}
