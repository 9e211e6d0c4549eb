/**
 * Service desk (spec 04, SVC-1 … SVC-10, QC-1 … QC-3, KB-1 … KB-2): tickets with first-ask ownership and promised
 * reply times, return visits, quality inspection and the knowledge base. Everything lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package io.yewu.service;
