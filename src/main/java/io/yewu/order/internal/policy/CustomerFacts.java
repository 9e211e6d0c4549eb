package io.yewu.order.internal.policy;

import java.math.BigDecimal;

/**
 * What the order rules read about the customer.
 *
 * @param newCustomer see {@link CustomerStandingPolicy} (ORD-2)
 * @param city        the customer file's city
 * @param credit      the customer's credit terms (CUS-15), null when it has none
 */
public record CustomerFacts(boolean newCustomer, String city, CreditTerms credit) {

    /** 帐期: days until an invoice is due, and the most the customer may owe. */
    public record CreditTerms(int termDays, BigDecimal limit) {}

    public boolean isHomeCity(OrderRules rules) {
        return rules.isHomeCity(city);
    }

    public boolean hasCredit() {
        return credit != null && credit.termDays() > 0;
    }
}
