package io.yewu.pricing.internal.policy;

import io.yewu.platform.decision.Decision;

import java.time.Instant;

import static io.yewu.platform.decision.RuleHit.hit;

/** PRC-3: a quote request for a non-standard item is answered within the set time; an overdue one is escalated. */
public final class QuoteRequestPolicy {

    public enum State { OPEN, OVERDUE, ANSWERED_ON_TIME, ANSWERED_LATE }

    /** @param escalate whether the business manager must be told (overdue and still open) */
    public record Status(State state, Instant dueAt, boolean escalate) {}

    /** @param answeredAt null while the request is open */
    public Decision<Status> status(Instant requestedAt, Instant answeredAt, Instant now, PricingRules rules) {
        Instant due = requestedAt.plus(rules.quoteRequestAnswer());
        State state;
        if (answeredAt != null) state = answeredAt.isAfter(due) ? State.ANSWERED_LATE : State.ANSWERED_ON_TIME;
        else state = now.isAfter(due) ? State.OVERDUE : State.OPEN;
        boolean escalate = state == State.OVERDUE;
        return Decision.of(new Status(state, due, escalate), rules.settingsVersion(), hit("PRC-3",
                escalate ? "询价超过答复期限未答复，升级给业务经理" : "询价须在答复期限内由财务（或生产）答复指导价",
                escalate ? "The quote request is overdue: escalated to the business manager"
                        : "Finance (or production) answers a quote request with a guide price within the set time",
                "requestedAt", requestedAt, "answeredAt", answeredAt, "now", now,
                "answerHours", rules.quoteRequestAnswer().toHours(), "dueAt", due));
    }
}
