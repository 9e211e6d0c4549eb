package io.yewu.pricing;

/** PRC-1: a standard product (常规型号 / 国标) has a guide price; a non-standard one (定制, 非国标, 线束) is priced on request. */
public enum ProductKind {
    STANDARD, NON_STANDARD
}
