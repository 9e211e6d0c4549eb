package io.yewu.service.internal.knowledge;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.time.LocalDate;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * KB-1 and KB-2 as plain rules: the publishing workflow (notice received → director reads → editor drafts → the
 * issuing department confirms → published; withdrawal), who may confirm, and which articles search shows.
 */
public final class KnowledgePolicy {

    public enum State { RECEIVED, READ, DRAFTED, PUBLISHED, WITHDRAWN }

    public enum Step { READ, DRAFT, CONFIRM, WITHDRAW }

    /** The fewest characters a search needs: a Chinese word is two characters (KB-1). */
    public static final int MIN_QUERY = 2;

    /** KB-2a: the state a step leads to, or empty when the step does not follow from the current state. */
    public Decision<java.util.Optional<State>> step(State from, Step step) {
        State to = switch (step) {
            case READ -> from == State.RECEIVED ? State.READ : null;
            case DRAFT -> from == State.READ || from == State.DRAFTED || from == State.WITHDRAWN ? State.DRAFTED : null;
            case CONFIRM -> from == State.DRAFTED ? State.PUBLISHED : null;
            case WITHDRAW -> from == State.PUBLISHED ? State.WITHDRAWN : null;
        };
        RuleHit hit = to == null
                ? hit("KB-2a", "发布流程：" + step + " 不能在 " + from + " 状态进行（通知单 → 主任阅知 → 采编拟稿 → 发文部门确认 → 发布）。",
                "Publishing workflow: " + step + " does not follow " + from + " (notice → director reads → editor drafts → issuing department confirms → published).",
                "state", from, "step", step)
                : hit("KB-2a", "发布流程：" + from + " → " + to + "。", "Publishing workflow: " + from + " → " + to + ".",
                "state", from, "step", step, "to", to);
        return Decision.of(java.util.Optional.ofNullable(to), 0, hit);
    }

    /**
     * KB-2b: only a user of the issuing department (or of a department under it) confirms the wording.
     * Paths are the materialised department paths ('/1/4/').
     */
    public Decision<Boolean> mayConfirm(String issuingDepartmentPath, String userDepartmentPath) {
        boolean ok = issuingDepartmentPath != null && userDepartmentPath != null
                && userDepartmentPath.startsWith(issuingDepartmentPath);
        return Decision.of(ok, 0, ok
                ? hit("KB-2b", "确认人属于发文部门。", "The confirming user belongs to the issuing department.",
                "issuingDepartment", issuingDepartmentPath, "userDepartment", userDepartmentPath)
                : hit("KB-2b", "只有发文部门的人员可以确认统一口径。", "Only a user of the issuing department confirms the wording.",
                "issuingDepartment", issuingDepartmentPath, "userDepartment", userDepartmentPath));
    }

    /** KB-2c: search shows an article published and in force on the day; an expired one leaves search, keeps history. */
    public Decision<Boolean> searchable(State state, LocalDate from, LocalDate until, LocalDate day) {
        boolean inForce = !day.isBefore(from) && (until == null || !day.isAfter(until));
        boolean ok = state == State.PUBLISHED && inForce;
        String why = state != State.PUBLISHED ? "未发布或已撤回" : !inForce ? (day.isBefore(from) ? "尚未生效" : "已过期") : "在有效期内";
        String whyEn = state != State.PUBLISHED ? "not published or withdrawn" : !inForce ? (day.isBefore(from) ? "not yet in force" : "expired") : "in force";
        return Decision.of(ok, 0, hit("KB-2c", "知识检索：" + why + "。", "Knowledge search: " + whyEn + ".",
                "state", state, "effectiveFrom", from, "effectiveUntil", until, "day", day));
    }
}
