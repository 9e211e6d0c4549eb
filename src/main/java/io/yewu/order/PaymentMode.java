package io.yewu.order;

/** How an order is paid (结算方式, ORD-3). */
public enum PaymentMode {
    /** 款到发货: paid in full before the warehouse ships. */
    PAY_BEFORE_SHIPMENT,
    /** 货到付款: paid when the goods arrive. */
    PAY_ON_DELIVERY,
    /** 帐期: ships on credit, due after the customer's term days. */
    CREDIT
}
