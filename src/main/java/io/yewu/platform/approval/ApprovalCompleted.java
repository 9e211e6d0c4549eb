package io.yewu.platform.approval;

/**
 * Published in the transaction that decided the last step (or rejected one) and delivered through Spring
 * Modulith's event publication registry, so a listener ({@code @ApplicationModuleListener}) gets it even across a
 * crash. Listeners run on another thread: they enter {@code CompanyContext.runAs(companyId, …)} before touching
 * walled tables.
 */
public record ApprovalCompleted(long companyId, long requestId, String subjectType, String subjectId,
                                long subjectVersion, Outcome outcome) {

    public enum Outcome { APPROVED, REJECTED }
}
