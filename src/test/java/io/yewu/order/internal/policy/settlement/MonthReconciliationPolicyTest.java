package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.DepositPolicy;
import io.yewu.order.internal.policy.OrderLine;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.CommissionPolicy.Accrual;
import io.yewu.order.internal.policy.settlement.CommissionPolicy.PaidLine;
import io.yewu.order.internal.policy.settlement.ReceiptMatchingPolicy.Allocation;
import io.yewu.order.internal.policy.settlement.ReceiptMatchingPolicy.OpenOrder;
import io.yewu.pricing.LineMoney;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceLine;
import io.yewu.pricing.PriceVerdict;
import io.yewu.pricing.ProductKind;
import io.yewu.pricing.internal.policy.PriceCheckPolicy;
import io.yewu.pricing.internal.policy.PricingRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated month of orders, receipts, invoices and commission run through the policies alone: every yuan must
 * reconcile to the fen (PLT-8) — line amounts to order totals, receipts to allocations plus money on account, each
 * line's shares to what was received for it, commission to share × rate, invoice net plus tax to its amount.
 */
class MonthReconciliationPolicyTest {

    private static final BigDecimal FEN = new BigDecimal("0.01");

    private record Line(long id, ProductKind kind, BigDecimal amount, BigDecimal rate, BigDecimal reduction) {}

    private record Order(long id, LocalDate date, List<Line> lines, BigDecimal total) {}

    @ParameterizedTest(name = "PLT-8/COM-1/RCV-1/INV-2/ORD-4: generated month (seed {0}) reconciles to the fen")
    @ValueSource(longs = {1, 2, 3, 2026, 11})
    void generatedMonthReconciles(long seed) {
        Random random = new Random(seed);
        OrderRules rules = OrderRules.defaults();
        PricingRules pricing = PricingRules.defaults();
        PriceCheckPolicy prices = new PriceCheckPolicy();
        List<Order> orders = new ArrayList<>();
        long lineId = 0;
        BigDecimal allDeposits = BigDecimal.ZERO;
        BigDecimal allCustom = BigDecimal.ZERO;
        for (int o = 1; o <= 60; o++) {
            List<Line> lines = new ArrayList<>();
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                BigDecimal guide = BigDecimal.valueOf(100 + random.nextInt(2_000_000), 2);
                BigDecimal price = LineMoney.fen(guide.multiply(BigDecimal.valueOf(90 + random.nextInt(20), 2)));
                BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(40));
                boolean vat = random.nextBoolean();
                PriceCheck check = prices.check(new PriceLine(guide, price, BigDecimal.ZERO, vat, qty), pricing).outcome();
                if (check.verdict() == PriceVerdict.REFUSED) continue;       // PRC-9: never saved
                lines.add(new Line(++lineId, random.nextInt(4) == 0 ? ProductKind.NON_STANDARD : ProductKind.STANDARD,
                        LineMoney.lineAmount(price, qty), new BigDecimal("0.03"), check.commissionReduction()));
            }
            if (lines.isEmpty()) continue;
            BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            orders.add(new Order(o, LocalDate.of(2026, 11, 1).plusDays(random.nextInt(28)), lines, total));
            BigDecimal deposit = new DepositPolicy().deposit(lines.stream().map(l -> new OrderLine(l.kind(), l.amount())).toList(), rules).outcome();
            BigDecimal custom = lines.stream().filter(l -> l.kind() == ProductKind.NON_STANDARD).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(deposit.subtract(custom.multiply(rules.depositShare())).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            allDeposits = allDeposits.add(deposit);
            allCustom = allCustom.add(custom);
        }
        assertThat(allDeposits.subtract(allCustom.multiply(rules.depositShare())).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(orders.size())));

        // Receipts through the month, matched oldest first, commission accrued per allocation.
        Map<Long, BigDecimal> paid = new HashMap<>();
        Map<Long, BigDecimal> lineShares = new HashMap<>();
        Map<Long, BigDecimal> lineCommission = new HashMap<>();
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal onAccount = BigDecimal.ZERO;
        BigDecimal commissionTotal = BigDecimal.ZERO;
        BigDecimal orderedTotal = orders.stream().map(Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int r = 0; r < 120; r++) {
            BigDecimal receipt = BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
            List<OpenOrder> open = orders.stream()
                    .map(o -> new OpenOrder(o.id(), o.date(), o.date().plusDays(30), o.total().subtract(paid.getOrDefault(o.id(), BigDecimal.ZERO))))
                    .filter(o -> o.open().signum() > 0).toList();
            var matching = new ReceiptMatchingPolicy().match(receipt, open, List.of(), rules).outcome();
            received = received.add(receipt);
            onAccount = onAccount.add(matching.onAccount());
            for (Allocation a : matching.allocations()) {
                Order order = orders.stream().filter(o -> o.id() == a.orderId()).findFirst().orElseThrow();
                BigDecimal before = paid.getOrDefault(order.id(), BigDecimal.ZERO);
                List<PaidLine> lines = order.lines().stream().map(l -> new PaidLine(l.id(), l.amount(), l.rate(), l.reduction())).toList();
                List<Accrual> accruals = new CommissionPolicy().accrue(lines, before, a.amount(), rules).outcome();
                assertThat(accruals.stream().map(Accrual::share).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(a.amount());
                for (Accrual ac : accruals) {
                    lineShares.merge(ac.lineId(), ac.share(), BigDecimal::add);
                    lineCommission.merge(ac.lineId(), ac.commission(), BigDecimal::add);
                    commissionTotal = commissionTotal.add(ac.commission());
                }
                paid.merge(order.id(), a.amount(), BigDecimal::add);
                allocated = allocated.add(a.amount());
            }
        }
        assertThat(allocated.add(onAccount)).isEqualByComparingTo(received);
        assertThat(allocated).isLessThanOrEqualTo(orderedTotal);
        assertThat(lineCommission.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(commissionTotal);
        int fullyPaid = 0;
        for (Order o : orders) {
            BigDecimal orderPaid = paid.getOrDefault(o.id(), BigDecimal.ZERO);
            assertThat(orderPaid).isLessThanOrEqualTo(o.total());
            BigDecimal shares = o.lines().stream().map(l -> lineShares.getOrDefault(l.id(), BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(shares).isEqualByComparingTo(orderPaid);
            for (Line l : o.lines()) {
                BigDecimal rate = new PaidLine(l.id(), l.amount(), l.rate(), l.reduction()).rate();
                BigDecimal share = lineShares.getOrDefault(l.id(), BigDecimal.ZERO);
                // commission is the line's cumulative share × rate, rounded once
                assertThat(lineCommission.getOrDefault(l.id(), BigDecimal.ZERO)).isEqualByComparingTo(LineMoney.fen(share.multiply(rate)));
                if (orderPaid.compareTo(o.total()) == 0) assertThat(share).isEqualByComparingTo(l.amount());
            }
            if (orderPaid.compareTo(o.total()) == 0) fullyPaid++;
        }
        assertThat(fullyPaid).as("the month pays some orders in full").isPositive();

        // One invoice per order for the whole total: net + tax = amount, and tax is the sum of the orders' taxes.
        var shares = orders.stream().map(o -> new InvoiceAmountPolicy.Share(o.id(), o.total(), BigDecimal.ZERO, o.total())).toList();
        var invoice = new InvoiceAmountPolicy().amounts(shares, rules).outcome().orElseThrow();
        assertThat(invoice.amount()).isEqualByComparingTo(orderedTotal);
        assertThat(invoice.net().add(invoice.tax())).isEqualByComparingTo(invoice.amount());
        BigDecimal taxSum = orders.stream().map(o -> LineMoney.taxIncluded(o.total(), rules.vatRate())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(invoice.tax()).isEqualByComparingTo(taxSum);
        assertThat(invoice.tax().subtract(orderedTotal.multiply(rules.vatRate()).divide(BigDecimal.ONE.add(rules.vatRate()), 10, java.math.RoundingMode.HALF_UP)).abs())
                .isLessThanOrEqualTo(FEN.multiply(BigDecimal.valueOf(orders.size())));
    }
}
