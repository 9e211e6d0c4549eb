package io.yewu.order.internal.settlement;

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
}
