/**
 * Customers and leads (spec 01, CUS-1 … CUS-16): customer files, the lead pool and its fair distribution,
 * first-filer ownership with claims and disputes, ownership history, follow-ups, routes and visits.
 * Other capabilities use {@link io.yewu.customer.CustomerOwnership} and the events in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers and leads")
package io.yewu.customer;
