package io.yewu.order.internal.settlement;

import io.yewu.platform.demo.DemoUsers;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the order demo ({@code io.yewu.order.internal.OrderDemoData}) does in settlement, through the same services
 * the API uses, acting as the given user: receipts (RCV-1), invoices (INV-1), a month's commission approval (COM-2).
 */
@Component
public class SettlementDemo {

    private final Receipts receipts;
    private final Invoices invoices;
    private final Commissions commissions;

    SettlementDemo(Receipts receipts, Invoices invoices, Commissions commissions) {
        this.receipts = receipts;
        this.invoices = invoices;
        this.commissions = commissions;
    }

    /** A bank receipt matched to the given orders (oldest first when none), the rest on account when allowed. */
    public long receipt(YewuPrincipal finance, long customerId, BigDecimal amount, LocalDate on, String reference,
                        List<Long> orderIds, boolean leaveOnAccount) {
        return DemoUsers.as(finance, () -> receipts.record(finance, new Receipts.ReceiptInput(customerId, "BANK", amount, on,
                reference, orderIds, leaveOnAccount)).receipt().id());
    }

    /** Invoices the whole of one order: issued, or accumulating towards a VAT invoice (INV-1); the outcome's result. */
    public String invoice(YewuPrincipal finance, long customerId, long orderId, BigDecimal amount, String number, LocalDate on) {
        return DemoUsers.as(finance, () -> invoices.issue(finance, new Invoices.InvoiceInput(customerId, number, on,
                List.of(new Invoices.ShareInput(orderId, amount)))).result());
    }

    /** COM-2: the month's distribution approved and locked. */
    public void approveMonth(YewuPrincipal director, String month) {
        DemoUsers.as(director, () -> commissions.approve(director, month));
    }
}
