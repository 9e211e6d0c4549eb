package io.yewu.platform.approval;

import io.yewu.platform.decision.Decision;

import java.util.List;

/**
 * A chain to start: what it guards (subject type, id and the exact version it will approve), who applies, the
 * policy decision that chose the chain (stored with it, PLT-1), and the ordered steps.
 */
public record ApprovalSpec(String subjectType, String subjectId, long subjectVersion, String title, long applicantId,
                           Decision<?> decision, List<StepSpec> steps, Details details) {

    /**
     * What the approver needs to see (issue 12): the record's page and name, each changed field before and after,
     * the evidence given with the request (field → text), e.g. a credit investigation, the figures that asked for
     * the approval (e.g. an order's total and the customer's credit limit, in the order shown) and the record's
     * lines (e.g. an order's products, or a price list's old and new guide prices). Field names and code values are
     * translated by the UI; names of things (a product, a customer) are shown as they are.
     */
    public record Details(String link, String recordName, java.util.Map<String, Change> changes,
                          java.util.Map<String, String> evidence, java.util.List<Fact> facts, Table lines) {

        public Details(String link, String recordName, java.util.Map<String, Change> changes,
                       java.util.Map<String, String> evidence) {
            this(link, recordName, changes, evidence, null, null);
        }

        /** The figures and lines of a record whose approval changes no field of it (an order, a price list). */
        public static Details of(String link, String recordName, java.util.List<Fact> facts, Table lines) {
            return new Details(link, recordName, null, null, facts, lines);
        }
    }

    /** One figure shown to the approver: a field name (translated by the UI) and its value. */
    public record Fact(String field, Object value) {}

    /** Rows under named columns (field names, translated by the UI), kept in order. */
    public record Table(java.util.List<String> columns, java.util.List<java.util.List<Object>> rows) {}

    /** One field's value before and after the change approved. */
    public record Change(Object before, Object after) {}

    public ApprovalSpec(String subjectType, String subjectId, long subjectVersion, String title, long applicantId,
                        Decision<?> decision, List<StepSpec> steps) {
        this(subjectType, subjectId, subjectVersion, title, applicantId, decision, steps, null);
    }


    public ApprovalSpec {
        if (subjectType == null || subjectId == null || title == null || decision == null) {
            throw new IllegalArgumentException("subject, title and decision are required");
        }
        if (steps == null || steps.isEmpty()) throw new IllegalArgumentException("a chain has at least one step");
        steps = List.copyOf(steps);
    }
}
