package io.yewu.order.internal;

import io.yewu.order.OrderState;
import io.yewu.order.PaymentMode;

/** Words for the order enums in exports (the UI has its own in web/src/i18n). */
final class OrderWords {

    private OrderWords() {}

    static String state(OrderState s, boolean zh) {
        if (s == null) return "";
        return switch (s) {
            case DRAFT -> zh ? "草稿" : "Draft";
            case SUBMITTED -> zh ? "已提交" : "Submitted";
            case AWAITING_APPROVAL -> zh ? "待审批" : "Awaiting approval";
            case AWAITING_PAYMENT -> zh ? "待付款" : "Awaiting payment";
            case RELEASED -> zh ? "已放行" : "Released";
            case SHIPPED -> zh ? "已发货" : "Shipped";
            case DELIVERED -> zh ? "已送达" : "Delivered";
            case CLOSED -> zh ? "已关闭" : "Closed";
            case CANCELLED -> zh ? "已取消" : "Cancelled";
        };
    }

    static String paymentMode(PaymentMode m, boolean zh) {
        if (m == null) return "";
        return switch (m) {
            case PAY_BEFORE_SHIPMENT -> zh ? "款到发货" : "Pay before shipment";
            case PAY_ON_DELIVERY -> zh ? "货到付款" : "Pay on delivery";
            case CREDIT -> zh ? "帐期" : "Credit";
        };
    }
}
