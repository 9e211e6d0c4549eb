package io.yewu.platform.internal.company;

/**
 * A part of the platform that a new company needs (default settings, the official calendar years, …).
 * Called inside the transaction that creates the company, with the company in context.
 */
public interface CompanySetup {

    void setUp(long companyId);
}
