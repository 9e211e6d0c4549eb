package io.yewu.order.internal.contract;

import io.yewu.order.internal.policy.ContractRecordPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the contract endpoints answer (ORD-9). */
final class ContractView {

    private ContractView() {}

    /**
     * A contract in a list, with the totals of the orders that reference it beside its amount (ordered: orders
     * neither draft nor cancelled; paid: what settlement applied to them), so nobody plans past the contract.
     */
    record Summary(long id, String number, long customerId, String customerName, String title, BigDecimal amount,
                   LocalDate signedOn, long ownerId, String ownerName, BigDecimal orderedTotal, BigDecimal paidTotal,
                   boolean orderedOverAmount, int records, long version) {}

    record Detail(Summary contract, List<Record> records, List<LinkedOrder> orders) {}

    /** One version of the contract: its record kind and the file attached to it. */
    record Record(long id, int version, ContractRecordPolicy.Kind kind, LocalDate recordedOn, String note,
                  String fileName, String contentType, long sizeBytes, String createdByName, OffsetDateTime createdAt) {}

    record LinkedOrder(long id, String number, String state, BigDecimal total, BigDecimal paidAmount, OffsetDateTime createdAt) {}
}
