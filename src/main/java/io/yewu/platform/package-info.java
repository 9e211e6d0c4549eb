/**
 * The platform every capability stands on (spec 00, PLT-1 … PLT-11): identity and data scope, settings,
 * business calendar, audit, decisions, approvals, notifications, timed work, import/export and web conventions.
 * Capabilities use the named-interface sub-packages only; {@code internal} packages are private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.yewu.platform;
