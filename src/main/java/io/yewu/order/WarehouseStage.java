package io.yewu.order;

/** ORD-8: how far the warehouse has got with a released order. */
public enum WarehouseStage {
    NOT_PRINTED, PRINTED, PACKED, SHIPPED
}
