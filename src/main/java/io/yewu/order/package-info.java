/**
 * Orders and settlement (spec 03, ORD-1 … ORD-9, INV-1 … INV-2, RCV-1 … RCV-4, COM-1 … COM-3): payment modes,
 * deposits, the credit approval ladder, release, delivery promise, changes, contracts, invoices, receipts,
 * receivables and commission. So far the rules only ({@code internal.policy}); API and storage come with the
 * order-to-cash capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders and settlement")
package io.yewu.order;
