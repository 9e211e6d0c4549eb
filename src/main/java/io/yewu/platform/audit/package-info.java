/** PLT-6: who changed what, when, with old and new values. */
@org.springframework.modulith.NamedInterface("audit")
package io.yewu.platform.audit;
