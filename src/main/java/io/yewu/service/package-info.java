/**
 * The service desk (spec 04, SVC-1 … SVC-10): tickets from every channel with first-ask ownership (SVC-2), promised
 * reply times and their timers and escalations (SVC-3, SVC-4), complaints (SVC-5), return visits (SVC-6 … SVC-8),
 * the shift lead's board and log (SVC-10) and the public online form. Quality inspection and the knowledge base
 * build on its tables ({@code V34__service_desk.sql}, decisions 0020).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package io.yewu.service;
