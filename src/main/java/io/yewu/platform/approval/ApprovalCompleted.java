package io.yewu.platform.approval;

/**
 * Published in the transaction that decided the last step, rejected one, or in which an administrator cancelled a
 * stuck chain ({@code CANCELLED}, with the administrator's {@code comment}).
 * <p>
 * A capability that must apply the approved change <em>with</em> the approval listens with a plain
 * {@code @EventListener}: it runs in the deciding transaction and company, and a {@code ProblemException} it throws
 * refuses the decision — the transaction rolls back, the step stays pending and the approver is answered with the
 * reason (then fixes the cause or rejects). Reactions that may come later are delivered through Spring Modulith's
 * event publication registry, so a listener gets them even across a crash: such listeners run on another thread and
 * must enter the company <em>before</em> their transaction opens — a connection carries the company it was handed
 * out with — so use {@code @Async @TransactionalEventListener} and inside it
 * {@code CompanyContext.runAs(companyId, () -> transactionTemplate.execute(…))}, not {@code @ApplicationModuleListener},
 * whose transaction would open with no company and see no walled rows.
 */
public record ApprovalCompleted(long companyId, long requestId, String subjectType, String subjectId,
                                long subjectVersion, Outcome outcome, String comment) {

    public enum Outcome { APPROVED, REJECTED, CANCELLED }
}
