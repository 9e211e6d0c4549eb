package io.yewu.customer.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Codes and booleans as words in the reader's language for the customer module's spreadsheets (PLT-9, PLT-10): an
 * export never shows a raw code. The words are the UI's (web/src/i18n).
 */
public final class ExportWords {

    private record Word(String zh, String en) {}

    private static final Map<String, Word> WORDS = Map.ofEntries(
            // CUS-3 stages
            Map.entry("stage.LEAD", new Word("线索", "Lead")), Map.entry("stage.INTENTION", new Word("意向客户", "Intention customer")),
            Map.entry("stage.FIRST_ORDER", new Word("首单", "First order")), Map.entry("stage.ACTIVE", new Word("活跃", "Active")),
            Map.entry("stage.DORMANT", new Word("休眠", "Dormant")), Map.entry("stage.CLOSED", new Word("已关闭", "Closed")),
            // CUS-13 follow-up kinds
            Map.entry("kind.PHONE", new Word("电话", "Phone")), Map.entry("kind.VISIT", new Word("拜访", "Visit")),
            Map.entry("kind.MESSAGE", new Word("消息", "Message")), Map.entry("kind.MEETING", new Word("会议", "Meeting")),
            // CUS-6 keys a filing matched on
            Map.entry("key.NAME", new Word("客户名称", "Name")), Map.entry("key.CREDIT_CODE", new Word("统一社会信用代码", "Credit code")),
            Map.entry("key.PHONE", new Word("电话", "Phone")), Map.entry("key.EMAIL", new Word("邮箱", "E-mail")),
            // CUS-6 claims, CUS-7 disputes
            Map.entry("claim.OPEN", new Word("待处理", "Open")), Map.entry("claim.DISPUTED", new Word("申诉中", "Disputed")),
            Map.entry("claim.CLOSED", new Word("已结束", "Closed")),
            Map.entry("dispute.OPEN", new Word("协商中", "Under discussion")), Map.entry("dispute.DECIDED", new Word("已裁决", "Decided")),
            Map.entry("outcome.KEEP", new Word("维持原归属", "Keep the owner")),
            Map.entry("outcome.TRANSFER", new Word("转给申诉人", "Transfer to the claimant")),
            Map.entry("outcome.TRANSFER_FROM", new Word("自某日起转给申诉人", "Transfer from a date")),
            // CUS-14 route frequencies
            Map.entry("frequency.WEEKLY", new Word("按周", "Weekly")), Map.entry("frequency.MONTHLY", new Word("按月", "Monthly")));

    private ExportWords() {}

    /** Chinese unless the request asked for English, as {@code ExcelExport} decides its headers. */
    public static boolean zh(Locale locale) {
        return !Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public static String yesNo(Boolean value, boolean zh) {
        if (value == null) return "";
        return value ? (zh ? "是" : "Yes") : (zh ? "否" : "No");
    }

    public static String stage(String code, boolean zh) {
        return word("stage", code, zh);
    }

    public static String followUpKind(String code, boolean zh) {
        return word("kind", code, zh);
    }

    public static String matchedOn(String code, boolean zh) {
        return word("key", code, zh);
    }

    public static String claimStatus(String code, boolean zh) {
        return word("claim", code, zh);
    }

    public static String disputeStatus(String code, boolean zh) {
        return word("dispute", code, zh);
    }

    public static String disputeOutcome(String code, boolean zh) {
        return word("outcome", code, zh);
    }

    public static String frequency(String code, boolean zh) {
        return word("frequency", code, zh);
    }

    /** An unknown code (a value added later) is shown as-is rather than lost. */
    private static String word(String group, String code, boolean zh) {
        if (code == null) return "";
        Word w = WORDS.get(group + "." + code);
        return w == null ? code : zh ? w.zh() : w.en();
    }
}
