package io.yewu.customer;

import io.yewu.customer.internal.CustomerFields;
import io.yewu.customer.internal.CustomerFields.Part;
import io.yewu.platform.security.RoleCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields by role: which parts of a customer file each role may see (CUS-16, issue 8). */
class CustomerFieldsTest {

    @ParameterizedTest(name = "CUS-16: {0} sees credit terms={1}, bank={2}, invoice={3}")
    @CsvSource({
            "SALESPERSON,        true,  true,  true",
            "BUSINESS_MANAGER,   true,  true,  true",
            "GENERAL_MANAGER,    true,  true,  true",
            "FINANCE,            true,  true,  true",
            "CASHIER,            true,  true,  true",
            "FINANCE_DIRECTOR,   true,  true,  true",
            "ACCOUNT_MANAGER,    true,  true,  true",
            "ADMINISTRATION,     false, false, true",
            "SERVICE_AGENT,      false, false, false",
            "SHIFT_LEAD,         false, false, false",
            "QC_INSPECTOR,       false, false, false",
            "RETURN_VISIT,       false, false, false",
            "KNOWLEDGE_EDITOR,   false, false, false",
            "SERVICE_DIRECTOR,   false, false, false",
            "RETAILER,           false, false, false"})
    void CUS16_partsByRole(RoleCode role, boolean credit, boolean bank, boolean invoice) {
        Set<Part> hidden = CustomerFields.hidden(List.of(role));
        assertThat(!hidden.contains(Part.CREDIT_TERMS)).isEqualTo(credit);
        assertThat(!hidden.contains(Part.BANK)).isEqualTo(bank);
        assertThat(!hidden.contains(Part.INVOICE)).isEqualTo(invoice);
    }

    @ParameterizedTest(name = "CUS-16: a part hidden from any role is hidden: {0}")
    @CsvSource({"SALESPERSON SERVICE_AGENT", "FINANCE ADMINISTRATION"})
    void CUS16_theStricterRoleWins(String roles) {
        var codes = Arrays.stream(roles.split(" ")).map(RoleCode::valueOf).toList();
        assertThat(CustomerFields.hidden(codes)).contains(Part.CREDIT_TERMS, Part.BANK);
    }

    @org.junit.jupiter.api.Test
    void CUS16_namesCoverTheFileColumnsAndTheDecisionInputs() {
        assertThat(CustomerFields.hiddenNames(List.of(RoleCode.SERVICE_AGENT))).contains("creditLimit", "creditTermDays",
                "bankAccount", "bankName", "invoiceTitle", "taxId", "creditInvestigation", "limitBefore", "limitAfter",
                "termDaysBefore", "termDaysAfter");
        assertThat(CustomerFields.hidden(EnumSet.of(RoleCode.GENERAL_MANAGER))).isEmpty();
    }
}
