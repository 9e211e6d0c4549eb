package io.yewu.customer;

import io.yewu.platform.security.YewuPrincipal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CUS-15 change requests filed from outside the customer files: an information-change ticket (SVC-1) asks for the
 * customer's legal name, credit code or invoice and bank details to change. The request goes through the same
 * approval chain as one filed on the customer's page (the manager responsible for the owner first) and the file
 * changes only when it is approved; {@link CustomerChangeDecided} tells the outcome.
 */
public interface CustomerChangeRequests {

    /** The fields a ticket may ask to change; credit terms stay with the owner, who files them with an investigation. */
    List<String> FIELDS = List.of("name", "creditCode", "invoiceTitle", "taxId", "bankName", "bankAccount");

    /** A request as another capability shows it. */
    record State(long id, long customerId, String status, Map<String, Object> changes) {}

    /**
     * Files a request for a customer the requester may see (404 outside), on behalf of the customer; {@code changes}
     * maps fields of {@link #FIELDS} to their new values (422 for another field, an unchanged value, a value that
     * does not fit or belongs to another file; 409 while another request is pending). Returns the request's id.
     */
    long fileForCustomer(YewuPrincipal requester, long customerId, Map<String, Object> changes);

    /** The request's state in the requester's company; empty when there is none. */
    Optional<State> state(long companyId, long requestId);
}
