package io.yewu.platform.security;

import java.util.EnumSet;
import java.util.Set;

import static io.yewu.platform.security.RoleCode.*;

/**
 * Named sets of roles that the rulebook treats alike, so that an endpoint's {@link Allow} reads as the rule says
 * it ("those who file customers") and a change to who files happens in one place.
 */
public enum RoleGroup {
    /** Everyone who works the customer files of the sales side and reads them (CUS-1 … CUS-16). */
    SALES(SALESPERSON, NETWORK_PROMOTER, BUSINESS_MANAGER, GENERAL_MANAGER, MARKETING_DIRECTOR),
    /** Who files customers and writes in a customer's file. */
    FILERS(SALESPERSON, BUSINESS_MANAGER, ACCOUNT_MANAGER),
    /** Who files or distributes leads: the lead pool, its export and the duplicate / similar-name checks. */
    LEAD_HANDLERS(SALESPERSON, NETWORK_PROMOTER, BUSINESS_MANAGER, GENERAL_MANAGER, MARKETING_DIRECTOR),
    /** Managers who distribute, transfer and decide disputes. */
    MANAGERS(BUSINESS_MANAGER, GENERAL_MANAGER),
    /** Finance (财务部): reads customers and their credit terms, edits none. */
    FINANCE_DEPT(FINANCE, CASHIER, FINANCE_DIRECTOR),
    /** The customer-service department (客服部): a read-only customer view without credit data. */
    SERVICE_DESK(SERVICE_AGENT, SHIFT_LEAD, QC_INSPECTOR, RETURN_VISIT, KNOWLEDGE_EDITOR, SERVICE_DIRECTOR),
    /**
     * Who reads customer files at all; data scope narrows which files, and the customer module's field rule which
     * columns (no credit data for the service desk, no bank account or credit terms for administration).
     */
    CUSTOMER_READERS(SALESPERSON, NETWORK_PROMOTER, BUSINESS_MANAGER, GENERAL_MANAGER, MARKETING_DIRECTOR,
            ACCOUNT_MANAGER, MARKET_MANAGER, FINANCE, CASHIER, FINANCE_DIRECTOR, ADMINISTRATION,
            SERVICE_AGENT, SHIFT_LEAD, QC_INSPECTOR, RETURN_VISIT, KNOWLEDGE_EDITOR, SERVICE_DIRECTOR),
    /** The tobacco-retail side of the marketing centre. */
    RETAIL_FIELD(MARKET_MANAGER, ACCOUNT_MANAGER),
    /** Who follows orders and their shipments company-wide without selling (ORD-6, ORD-7): the warehouse's view. */
    ORDER_FOLLOWERS(WAREHOUSE, GENERAL_MANAGER, BUSINESS_MANAGER, MARKETING_DIRECTOR),
    /** Administrators of the company (and of the group). */
    ADMINS(ADMIN, GROUP_ADMIN);

    private final Set<RoleCode> roles;

    RoleGroup(RoleCode first, RoleCode... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public Set<RoleCode> roles() {
        return roles;
    }
}
