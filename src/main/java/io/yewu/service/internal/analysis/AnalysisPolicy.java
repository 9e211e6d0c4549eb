package io.yewu.service.internal.analysis;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** SVC-9: what the weekly satisfaction analysis points out for the service analysis meeting. */
public final class AnalysisPolicy {

    /** The return-visit rate the spec targets (SVC-6: 100 %). */
    public static final BigDecimal TARGET_RATE = BigDecimal.ONE;
    /** Satisfied (4–5 of 5) below this share of the visits is called out. */
    public static final BigDecimal SATISFIED_FLOOR = new BigDecimal("0.90");

    /** A finding with its text in both languages. */
    public record Finding(String code, String zh, String en) {}

    /** Rate = part / whole, four decimals; null when nothing was due. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    public Decision<List<Finding>> findings(long visitsDue, long visitsDone, long satisfied, long rated, long unsolved) {
        List<Finding> out = new ArrayList<>();
        List<RuleHit> hits = new ArrayList<>();
        BigDecimal visitRate = rate(visitsDone, visitsDue);
        BigDecimal satisfiedRate = rate(satisfied, rated);
        if (visitRate != null && visitRate.compareTo(TARGET_RATE) < 0) {
            out.add(new Finding("visit-rate", "回访率 " + pct(visitRate) + "，未达到 100% 目标：请核查未回访的工单。",
                    "Return-visit rate " + pct(visitRate) + " is below the 100 % target: check the visits not made."));
        }
        if (satisfiedRate != null && satisfiedRate.compareTo(SATISFIED_FLOOR) < 0) {
            out.add(new Finding("satisfaction", "满意率 " + pct(satisfiedRate) + "，低于 90%：在服务分析会上逐一分析不满意的回访。",
                    "Satisfied " + pct(satisfiedRate) + ", below 90 %: go through each dissatisfied visit at the service analysis meeting."));
        }
        if (unsolved > 0) {
            out.add(new Finding("unsolved", unsolved + " 个问题回访时仍未解决，已重新打开并反馈客服主任：逐一督办。",
                    unsolved + " problems were still unsolved at the visit, reopened with feedback to the service director: supervise each."));
        }
        hits.add(RuleHit.hit("SVC-9", "每周满意度分析：回访率、满意度分布、未解决问题。",
                "Weekly satisfaction analysis: return-visit rate, satisfaction distribution, unsolved problems.",
                "visitsDue", visitsDue, "visitsDone", visitsDone, "satisfied", satisfied, "rated", rated, "unsolved", unsolved,
                "visitRate", visitRate, "satisfiedRate", satisfiedRate));
        return new Decision<>(List.copyOf(out), hits, 0);
    }

    private static String pct(BigDecimal rate) {
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
