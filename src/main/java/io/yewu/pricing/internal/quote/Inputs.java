package io.yewu.pricing.internal.quote;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Bad input of quotes and quote requests, one place: money in fen above zero (PLT-8), quantities above zero with at
 * most three decimals, fee shares in [0, 1), customers the caller may quote for (owned and in data scope, PLT-5).
 */
final class Inputs {

    /** The largest amount numeric(14, 2) holds. */
    static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999.999");

    /** A customer as quotes read it: whose it is and whether it takes VAT special invoices (PRC-5). */
    record Customer(long id, String name, long ownerId, boolean vatInvoice) {}

    private Inputs() {}

    static BigDecimal money(BigDecimal value, String field, List<FieldProblem> problems) {
        if (value == null) problems.add(new FieldProblem(field, "required"));
        else if (value.signum() <= 0) problems.add(new FieldProblem(field, "price-positive"));
        else if (value.stripTrailingZeros().scale() > 2) problems.add(new FieldProblem(field, "money-decimals"));
        else if (value.compareTo(MAX_MONEY) > 0) problems.add(new FieldProblem(field, "price-too-large", MAX_MONEY.toPlainString()));
        else return value.setScale(2);
        return null;
    }

    static BigDecimal quantity(BigDecimal value, String field, List<FieldProblem> problems) {
        if (value == null) problems.add(new FieldProblem(field, "required"));
        else if (value.signum() <= 0) problems.add(new FieldProblem(field, "quantity-positive"));
        else if (value.stripTrailingZeros().scale() > 3) problems.add(new FieldProblem(field, "quantity-decimals"));
        else if (value.compareTo(MAX_QUANTITY) > 0) problems.add(new FieldProblem(field, "too-large", MAX_QUANTITY.toPlainString()));
        else return value;
        return null;
    }

    /** x of PRC-8 as a fraction: at least 0, below 1, at most six decimals; absent is 0. */
    static BigDecimal feeShare(BigDecimal value, String field, List<FieldProblem> problems) {
        if (value == null) return BigDecimal.ZERO;
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0) problems.add(new FieldProblem(field, "fee-share-range"));
        else if (value.stripTrailingZeros().scale() > 6) problems.add(new FieldProblem(field, "fee-share-decimals"));
        else return value;
        return null;
    }

    static String text(String value, String field, int max, List<FieldProblem> problems) {
        String s = value == null ? "" : value.strip();
        if (s.length() > max) problems.add(new FieldProblem(field, "too-long", max));
        return s;
    }

    /** An owned customer within the caller's data scope; empty when it does not exist for them. */
    static Optional<Customer> customer(JdbcClient jdbc, YewuPrincipal me, Long id) {
        if (id == null) return Optional.empty();
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        return jdbc.sql("SELECT c.id, c.name, c.owner_id, c.vat_invoice FROM customer c WHERE c.id = :id AND c.owner_id IS NOT NULL AND "
                        + scope.sql())
                .params(scope.params()).param("id", id).query(Customer.class).optional();
    }
}
