package io.yewu.order;

/** ORD-1: draft → submitted → awaiting approval / awaiting payment → released → shipped → delivered → closed. */
public enum OrderState {
    DRAFT, SUBMITTED, AWAITING_APPROVAL, AWAITING_PAYMENT, RELEASED, SHIPPED, DELIVERED, CLOSED, CANCELLED;

    /** Before shipment an order can still be cancelled (ORD-1). */
    public boolean beforeShipment() {
        return ordinal() <= RELEASED.ordinal();
    }
}
