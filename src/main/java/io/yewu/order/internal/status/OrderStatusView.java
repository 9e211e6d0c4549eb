package io.yewu.order.internal.status;

import io.yewu.order.OrderState;
import io.yewu.order.WarehouseStage;
import io.yewu.order.internal.policy.CustomerOrderViewPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * ORD-8b: what a customer and a service agent see of an order. Deliberately narrow: state, shipment, expected
 * date and the order's own total; never line prices, margins, fees, commission or credit terms.
 */
final class OrderStatusView {

    private OrderStatusView() {}

    /** The public page's answer. */
    record Public(String number, CustomerOrderViewPolicy.PublicState state, WarehouseStage warehouseStage,
                  LocalDate expectedShipment, LocalDate shipBy, OffsetDateTime shippedAt, OffsetDateTime deliveredAt,
                  BigDecimal total) {}

    /** One order as the service desk sees it for a caller. */
    record Agent(long id, String number, long customerId, String customerName, OrderState state,
                 CustomerOrderViewPolicy.PublicState customerState, WarehouseStage warehouseStage,
                 LocalDate expectedShipment, LocalDate shipBy, OffsetDateTime shippedAt, OffsetDateTime deliveredAt,
                 String carrier, BigDecimal total, OffsetDateTime createdAt) {}

    /** SVC-10: look-ups of one day and channel. */
    record DayCount(LocalDate day, String channel, long lookups) {}
}
