package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.settlement.AgingPolicy.Bucket;

/** Words for settlement codes in exports (the UI has its own in web/src/i18n). */
final class SettlementWords {

    private SettlementWords() {}

    /** BANK / CASH, the way money was received or paid back. */
    static String method(String code, boolean zh) {
        if (code == null) return "";
        return switch (code) {
            case "BANK" -> zh ? "银行" : "Bank";
            case "CASH" -> zh ? "现金" : "Cash";
            default -> code;
        };
    }

    /** VAT_SPECIAL / ORDINARY, as the invoice screen names them. */
    static String invoiceType(String code, boolean zh) {
        if (code == null) return "";
        return switch (code) {
            case "VAT_SPECIAL" -> zh ? "增值税专用发票" : "VAT special invoice";
            case "ORDINARY" -> zh ? "普通发票" : "Ordinary invoice";
            default -> code;
        };
    }

    /** DUE / PAID, as the refunds screen names them. */
    static String refundStatus(String code, boolean zh) {
        if (code == null) return "";
        return switch (code) {
            case "DUE" -> zh ? "待退款" : "Due";
            case "PAID" -> zh ? "已退款" : "Paid";
            default -> code;
        };
    }

    /** RCV-3 aging buckets, as the receivables screen names them. */
    static String bucket(Bucket bucket, boolean zh) {
        return switch (bucket) {
            case NOT_DUE -> zh ? "未到期" : "Not due";
            case DAYS_1_30 -> zh ? "逾期1–30天" : "1–30 days";
            case DAYS_31_60 -> zh ? "逾期31–60天" : "31–60 days";
            case DAYS_61_90 -> zh ? "逾期61–90天" : "61–90 days";
            case OVER_90 -> zh ? "逾期90天以上" : "Over 90 days";
        };
    }

    /** RECEIPT / REFUND, a commission accrual's kind (COM-1), as the commission screen names them. */
    static String accrualKind(String code, boolean zh) {
        if (code == null) return "";
        return switch (code) {
            case "RECEIPT" -> zh ? "回款" : "Receipt";
            case "REFUND" -> zh ? "退款冲回" : "Refund take-back";
            default -> code;
        };
    }
}
