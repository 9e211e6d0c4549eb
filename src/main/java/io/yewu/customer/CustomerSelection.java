package io.yewu.customer;

import io.yewu.platform.security.YewuPrincipal;

import java.util.List;

/**
 * Drawing customers from the files by their classification (SVC-6 campaign return visits, 统一回访): stage, class,
 * key account, a tag, a city — within what the reader may see, with the first contact's phone. No credit, bank or
 * invoice data (CUS-16).
 */
public interface CustomerSelection {

    /** Every given criterion must hold; a null or blank one is not applied. */
    record Criteria(String stage, String customerClass, Boolean keyAccount, String tag, String city) {}

    record Contact(long customerId, String customerName, String contactName, String phone) {}

    /** How many customers the criteria select (for a preview before a campaign is created). */
    long count(YewuPrincipal reader, Criteria criteria);

    /** At most {@code limit} selected customers, in file order (oldest first). */
    List<Contact> select(YewuPrincipal reader, Criteria criteria, int limit);
}
