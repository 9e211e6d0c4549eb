package io.yewu.customer;

import io.yewu.platform.security.YewuPrincipal;

import java.util.List;
import java.util.Optional;

/**
 * Finding a customer as a service agent types (SVC-1): by phone, name or code (credit code), within what the reader
 * may see of the customer files. A card carries no credit terms, bank or invoice data (CUS-16).
 */
public interface CustomerLookup {

    record Card(long id, String name, String creditCode, String city, boolean keyAccount, String phone, String ownerName) {}

    /** At most {@code limit} cards matching the typed text (two characters at least), best match first. */
    List<Card> find(YewuPrincipal reader, String text, int limit);

    /** The card of one customer the reader may see; empty when it does not exist or is out of the reader's scope. */
    Optional<Card> card(YewuPrincipal reader, long customerId);
}
