package io.yewu.platform.demo;

/**
 * Published once, synchronously, right after the demo company 演示公司 with its departments and one user per role
 * has been committed on a first start with {@code yewu.demo-data} on. Capabilities listen to it to add their own
 * demo data (customers, leads, …) within the company; it is never published again for the same database.
 */
public record DemoCompanyCreated(long companyId) {}
