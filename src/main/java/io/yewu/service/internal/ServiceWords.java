package io.yewu.service.internal;

import java.util.Locale;
import java.util.Map;

/** Words, not codes, for the service desk's spreadsheets (zh first, en complete). */
public final class ServiceWords {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("PHONE", new String[]{"电话", "Phone"}), Map.entry("ONLINE_FORM", new String[]{"在线表单", "Online form"}),
            Map.entry("ONLINE_CHAT", new String[]{"在线客服", "Online chat"}), Map.entry("IN_PERSON", new String[]{"来访", "In person"}),
            Map.entry("VISIT", new String[]{"拜访中", "During a visit"}), Map.entry("ACCOUNT_MANAGER", new String[]{"客户经理转来", "From an account manager"}),
            Map.entry("INQUIRY", new String[]{"咨询", "Inquiry"}), Map.entry("COMPLAINT", new String[]{"投诉", "Complaint"}),
            Map.entry("SPECIAL_REQUEST", new String[]{"特殊需求", "Special request"}), Map.entry("INFO_CHANGE", new String[]{"信息变更", "Information change"}),
            Map.entry("ORDER_SETTLEMENT", new String[]{"订货/结算", "Order or settlement"}), Map.entry("ORDERING_FAULT", new String[]{"网上订货故障", "Ordering-system fault"}),
            Map.entry("SUGGESTION", new String[]{"建议", "Suggestion"}), Map.entry("CAMPAIGN", new String[]{"统一回访", "Campaign return visits"}),
            Map.entry("OPEN", new String[]{"处理中", "Open"}), Map.entry("RESOLVED", new String[]{"已办结待回访", "Resolved, return visit due"}),
            Map.entry("CLOSED", new String[]{"已关闭", "Closed"}),
            Map.entry("NONE", new String[]{"未升级", "Not escalated"}), Map.entry("SHIFT_LEAD", new String[]{"值班长", "Shift lead"}),
            Map.entry("SERVICE_DIRECTOR", new String[]{"客服主任", "Service director"}), Map.entry("MARKETING_DIRECTOR", new String[]{"营销总监", "Marketing director"}),
            Map.entry("DUE", new String[]{"待回访", "Due"}), Map.entry("CALLBACK", new String[]{"预约回电", "Callback booked"}),
            Map.entry("SOLVED", new String[]{"已解决", "Solved"}), Map.entry("NOT_SOLVED", new String[]{"未解决", "Not solved"}),
            Map.entry("UNREACHABLE", new String[]{"无法联系", "Unreachable"}), Map.entry("WRONG_CONTACT", new String[]{"联系方式有误", "Wrong contact data"}),
            Map.entry("RESOLVED_BY_OTHER", new String[]{"他人办结", "Resolved by another"}));

    private ServiceWords() {}

    static boolean zh(Locale locale) {
        return locale == null || !"en".equals(locale.getLanguage());
    }

    static String word(String code, boolean zh) {
        if (code == null) return "";
        String[] w = WORDS.get(code);
        return w == null ? code : w[zh ? 0 : 1];
    }

    static String channel(String c, boolean zh) { return word(c, zh); }

    /** A ticket type; CAMPAIGN for the visits of a return-visit campaign (统一回访), which have no ticket. */
    public static String type(String c, boolean zh) { return word(c, zh); }

    static String state(String c, boolean zh) { return word(c, zh); }

    static String level(String c, boolean zh) { return word(c, zh); }

    static String yesNo(boolean b, boolean zh) {
        return b ? (zh ? "是" : "Yes") : (zh ? "否" : "No");
    }
}
