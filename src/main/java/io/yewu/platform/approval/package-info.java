/**
 * PLT-3: one approval mechanism for every capability. A capability's policy decides the chain, {@link
 * io.yewu.platform.approval.Approvals#start} runs it, and {@link io.yewu.platform.approval.ApprovalCompleted} tells the
 * capability how it ended.
 */
@org.springframework.modulith.NamedInterface("approval")
package io.yewu.platform.approval;
