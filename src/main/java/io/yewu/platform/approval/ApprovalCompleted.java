package io.yewu.platform.approval;

/**
 * Published in the transaction that decided the last step (or rejected one) and delivered through Spring
 * Modulith's event publication registry, so a listener gets it even across a crash. Listeners run on another
 * thread and must enter the company <em>before</em> their transaction opens — a connection carries the company it
 * was handed out with — so use {@code @Async @TransactionalEventListener} and inside it
 * {@code CompanyContext.runAs(companyId, () -> transactionTemplate.execute(…))}, not {@code @ApplicationModuleListener},
 * whose transaction would open with no company and see no walled rows.
 */
public record ApprovalCompleted(long companyId, long requestId, String subjectType, String subjectId,
                                long subjectVersion, Outcome outcome) {

    public enum Outcome { APPROVED, REJECTED }
}
