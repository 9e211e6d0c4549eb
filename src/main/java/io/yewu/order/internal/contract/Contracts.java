package io.yewu.order.internal.contract;

import io.yewu.order.internal.policy.ContractRecordPolicy;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * ORD-9 contracts (购销合同): the head (number, customer, title, amount, signed date, owner), the orders that
 * reference it and their totals. Data scope as for orders: a salesperson its own, a manager its department,
 * finance and the general manager all; a contract outside the scope answers 404.
 */
@Service
class Contracts {

    private static final Map<String, String> SORTS = Map.of("number", "k.number", "signedOn", "k.signed_on",
            "amount", "k.amount", "customerName", "cu.name");

    /** The head with its order totals, ordered: neither draft nor cancelled. */
    static final String SELECT = """
            SELECT k.id, k.number, k.customer_id, cu.name AS customer_name, k.title, k.amount, k.signed_on, k.owner_id,
                   u.display_name AS owner_name, t.ordered_total, t.paid_total, k.version,
                   (SELECT count(*) FROM contract_record r WHERE r.company_id = k.company_id AND r.contract_id = k.id) AS records
            FROM contract k
            JOIN customer cu ON cu.company_id = k.company_id AND cu.id = k.customer_id
            JOIN app_user u ON u.company_id = k.company_id AND u.id = k.owner_id
            CROSS JOIN LATERAL (SELECT coalesce(sum(o.total), 0) AS ordered_total, coalesce(sum(o.paid_amount), 0) AS paid_total
                                FROM sales_order o WHERE o.company_id = k.company_id AND o.contract_id = k.id
                                  AND o.state NOT IN ('DRAFT', 'CANCELLED')) t""";

    static final RowMapper<ContractView.Summary> SUMMARY = (rs, n) -> {
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal ordered = rs.getBigDecimal("ordered_total");
        return new ContractView.Summary(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"),
                rs.getString("customer_name"), rs.getString("title"), amount, rs.getObject("signed_on", LocalDate.class),
                rs.getLong("owner_id"), rs.getString("owner_name"), ordered, rs.getBigDecimal("paid_total"),
                ordered.compareTo(amount) > 0, rs.getInt("records"), rs.getLong("version"));
    };

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JsonMapper json;

    Contracts(JdbcClient jdbc, AuditTrail audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    Page<ContractView.Summary> list(YewuPrincipal me, ContractInput.Filter filter, PageQuery page) {
        Where w = where(me, filter);
        List<ContractView.Summary> items = jdbc.sql(SELECT + w.sql + " ORDER BY " + page.orderBy(SORTS, "k.signed_on DESC, k.id DESC")
                        + " LIMIT :limit OFFSET :offset")
                .params(w.params).param("limit", page.size()).param("offset", page.offset()).query(SUMMARY).list();
        return Page.of(items, page, Page.cappedCount(jdbc, " FROM contract k JOIN customer cu ON cu.company_id = k.company_id"
                + " AND cu.id = k.customer_id" + w.sql, w.params));
    }

    /** Every contract of {@link #list}'s filter, streamed (the export). */
    void each(YewuPrincipal me, ContractInput.Filter filter, Consumer<ContractView.Summary> sink) {
        Where w = where(me, filter);
        try (var rows = jdbc.sql(SELECT + w.sql + " ORDER BY k.signed_on DESC, k.id DESC").params(w.params)
                .query(SUMMARY).stream()) {
            rows.forEach(sink);
        }
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(YewuPrincipal me, ContractInput.Filter f) {
        DataScope.Condition scope = DataScope.of(me, "k.company_id", "k.owner_id");
        var params = new java.util.HashMap<String, Object>(scope.params());
        StringBuilder sql = new StringBuilder(" WHERE ").append(scope.sql());
        if (f != null && f.customerId() != null) { sql.append(" AND k.customer_id = :customerId"); params.put("customerId", f.customerId()); }
        if (f != null && f.ownerId() != null) { sql.append(" AND k.owner_id = :ownerId"); params.put("ownerId", f.ownerId()); }
        if (f != null && f.from() != null) { sql.append(" AND k.signed_on >= :from"); params.put("from", f.from()); }
        if (f != null && f.to() != null) { sql.append(" AND k.signed_on <= :to"); params.put("to", f.to()); }
        if (f != null && f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (k.number ILIKE :q OR k.title ILIKE :q OR cu.name ILIKE :q)");
            params.put("q", "%" + f.q().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(sql.toString(), params);
    }

    /** The contract's head, or 404 when it is outside the reader's scope. */
    ContractView.Summary head(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "k.company_id", "k.owner_id");
        return jdbc.sql(SELECT + " WHERE k.id = :id AND " + scope.sql()).params(scope.params()).param("id", id)
                .query(SUMMARY).optional().orElseThrow(() -> ProblemException.notFound("contract " + id));
    }

    ContractView.Detail get(YewuPrincipal me, long id) {
        ContractView.Summary head = head(me, id);
        List<ContractView.Record> records = jdbc.sql("""
                SELECT r.id, r.version, r.kind, r.recorded_on, r.note, r.file_name, r.content_type, r.size_bytes,
                       u.display_name AS created_by_name, r.created_at
                FROM contract_record r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.created_by
                WHERE r.company_id = :c AND r.contract_id = :id ORDER BY r.version""")
                .param("c", me.companyId()).param("id", id)
                .query((rs, n) -> new ContractView.Record(rs.getLong("id"), rs.getInt("version"),
                        ContractRecordPolicy.Kind.valueOf(rs.getString("kind")), rs.getObject("recorded_on", LocalDate.class),
                        rs.getString("note"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class))).list();
        List<ContractView.LinkedOrder> orders = jdbc.sql("""
                SELECT o.id, o.number, o.state, o.total, o.paid_amount, o.created_at FROM sales_order o
                WHERE o.company_id = :c AND o.contract_id = :id ORDER BY o.created_at, o.id""")
                .param("c", me.companyId()).param("id", id)
                .query((rs, n) -> new ContractView.LinkedOrder(rs.getLong("id"), rs.getString("number"), rs.getString("state"),
                        rs.getBigDecimal("total"), rs.getBigDecimal("paid_amount"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        return new ContractView.Detail(head, records, orders);
    }

    /** A new contract of a customer in the creator's scope; it counts for the customer's owner (else the creator). */
    @Transactional
    ContractView.Summary create(YewuPrincipal me, ContractInput.New in) {
        DataScope.Condition scope = DataScope.of(me, "cu.company_id", "coalesce(cu.owner_id, :me)");
        Long owner = jdbc.sql("SELECT coalesce(cu.owner_id, :me) FROM customer cu WHERE cu.id = :cust AND " + scope.sql())
                .params(scope.params()).param("me", me.id()).param("cust", in.customerId()).query(Long.class).optional()
                .orElseThrow(() -> ProblemException.invalid("customerId", "contract-customer"));
        String number = in.number().trim();
        Long id = jdbc.sql("""
                INSERT INTO contract (company_id, number, customer_id, owner_id, title, amount, signed_on, created_by)
                VALUES (:c, :number, :cust, :owner, :title, :amount, :signed, :me)
                ON CONFLICT (company_id, number) DO NOTHING RETURNING id""")
                .param("c", me.companyId()).param("number", number).param("cust", in.customerId()).param("owner", owner)
                .param("title", in.title().trim()).param("amount", in.amount()).param("signed", in.signedOn())
                .param("me", me.id()).query(Long.class).optional()
                .orElseThrow(() -> ProblemException.conflict("contract-number-taken", number));
        audit.record("contract", id, "CREATE", Changes.of().created("number", number).created("customerId", in.customerId())
                .created("title", in.title().trim()).created("amount", in.amount()).created("signedOn", in.signedOn())
                .created("ownerId", owner));
        return head(me, id);
    }

    @Transactional
    ContractView.Summary update(YewuPrincipal me, long id, ContractInput.Edit in) {
        ContractView.Summary before = head(me, id);
        Versions.requireUpdated(jdbc.sql("""
                UPDATE contract SET title = :title, amount = :amount, signed_on = :signed, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :version""")
                .param("title", in.title().trim()).param("amount", in.amount()).param("signed", in.signedOn())
                .param("c", me.companyId()).param("id", id).param("version", in.version()).update());
        Changes changes = Changes.of();
        if (!before.title().equals(in.title().trim())) changes.put("title", before.title(), in.title().trim());
        if (before.amount().compareTo(in.amount()) != 0) changes.put("amount", before.amount(), in.amount());
        if (!before.signedOn().equals(in.signedOn())) changes.put("signedOn", before.signedOn(), in.signedOn());
        if (!changes.isEmpty()) audit.record("contract", id, "UPDATE", changes);
        return head(me, id);
    }

    /**
     * ORD-9: an order references the contract. Both must be in the caller's scope and of the same customer; a
     * cancelled order stays as it was. The change is logged on the order (ORD-8) and audited on both.
     */
    @Transactional
    ContractView.Summary link(YewuPrincipal me, long id, long orderId, boolean linked) {
        ContractView.Summary contract = head(me, id);
        DataScope.Condition scope = DataScope.of(me, "o.company_id", "o.owner_id");
        record Order(long customerId, String state, String warehouseStage, Long contractId) {}
        Order order = jdbc.sql("SELECT o.customer_id, o.state, o.warehouse_stage, o.contract_id FROM sales_order o"
                        + " WHERE o.id = :order AND " + scope.sql() + " FOR UPDATE")
                .params(scope.params()).param("order", orderId).query(Order.class).optional()
                .orElseThrow(() -> ProblemException.notFound("order " + orderId));
        if (order.customerId() != contract.customerId()) throw ProblemException.invalid("orderId", "contract-other-customer");
        if (order.state().equals("CANCELLED")) throw ProblemException.conflict("contract-order-cancelled");
        Long now = linked ? Long.valueOf(id) : null;
        if (!linked && !Objects.equals(order.contractId(), id)) throw ProblemException.notFound("order " + orderId + " of contract " + id);
        if (Objects.equals(order.contractId(), now)) return contract;
        jdbc.sql("UPDATE sales_order SET contract_id = :k, version = version + 1 WHERE company_id = :c AND id = :order")
                .param("k", now, java.sql.Types.BIGINT).param("c", me.companyId()).param("order", orderId).update();
        String content = json.writeValueAsString(Map.of("contractId", mapOf(order.contractId(), now)));
        jdbc.sql("""
                INSERT INTO sales_order_change (company_id, order_id, kind, warehouse_stage, content, changed_by)
                VALUES (:c, :order, 'CONTRACT', :stage, CAST(:content AS jsonb), :me)""")
                .param("c", me.companyId()).param("order", orderId).param("stage", order.warehouseStage())
                .param("content", content).param("me", me.id()).update();
        Changes changes = Changes.of().put("contractId", order.contractId(), now);
        audit.record("sales_order", orderId, linked ? "CONTRACT_LINK" : "CONTRACT_UNLINK", changes);
        audit.record("contract", id, linked ? "ORDER_LINK" : "ORDER_UNLINK", Changes.of().put("orderId", linked ? null : orderId, linked ? orderId : null));
        return head(me, id);
    }

    private static Map<String, Object> mapOf(Long old, Long now) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("old", old);
        m.put("now", now);
        return m;
    }
}
