package io.yewu.order.internal.policy;

import io.yewu.order.PaymentMode;
import io.yewu.order.internal.policy.CustomerFacts.CreditTerms;
import io.yewu.platform.security.RoleCode;
import io.yewu.pricing.ProductKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked-example table of spec 03 (home city 广州), row by row, through the three policies it exercises. */
class OrderWorkedExamplesPolicyTest {

    private final OrderRules rules = OrderRules.defaults();

    @ParameterizedTest(name = "ORD-3/ORD-4/ORD-5 worked example: {0} customer in {1}, credit {2}, total {3} with {4} custom -> {5}, approvals [{6}], deposit {7}")
    @CsvSource({
            "new,      广州, false, 1499.99,  0,       PAY_BEFORE_SHIPMENT, '',                                 0",
            "new,      广州, false, 1500.00,  0,       PAY_ON_DELIVERY,     '',                                 0",
            "new,      佛山, false, 8000.00,  0,       PAY_BEFORE_SHIPMENT, '',                                 0",
            "existing, 深圳, true,  20000.00, 0,       CREDIT,              '',                                 0",
            "existing, 深圳, true,  20000.01, 0,       CREDIT,              BUSINESS_MANAGER,                   0",
            "existing, 深圳, true,  50000.01, 0,       CREDIT,              GENERAL_MANAGER,                    0",
            "new,      佛山, true,  20000.00, 0,       CREDIT,              BUSINESS_MANAGER GENERAL_MANAGER,   0",
            "new,      广州, false, 10000.00, 4000.00, PAY_ON_DELIVERY,     '',                                 1200.00"})
    void workedExamples(String who, String city, boolean credit, BigDecimal total, BigDecimal custom, PaymentMode mode,
                        String approvals, BigDecimal deposit) {
        CustomerFacts customer = new CustomerFacts(who.equals("new"), city,
                credit ? new CreditTerms(30, new BigDecimal("1000000.00")) : null);
        assertThat(new PaymentModePolicy().decide(total, customer, rules).outcome().mode()).isEqualTo(mode);
        List<RoleCode> steps = approvals.isBlank() ? List.of() : Arrays.stream(approvals.split(" ")).map(RoleCode::valueOf).toList();
        assertThat(new CreditApprovalPolicy().steps(total, customer, rules).outcome()).isEqualTo(steps);
        List<OrderLine> lines = List.of(new OrderLine(ProductKind.STANDARD, total.subtract(custom)), new OrderLine(ProductKind.NON_STANDARD, custom));
        assertThat(new DepositPolicy().deposit(lines, rules).outcome()).isEqualByComparingTo(deposit);
    }
}
