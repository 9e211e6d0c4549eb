package io.yewu.customer;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each customer endpoint (PLT-5, CUS-16, issue 8), read from the {@link Allow} declarations the
 * application enforces. The lead's endpoint × role matrix test proves each declaration is what the server answers;
 * this test proves the declarations are the rulebook's: the table below is the rule, one row per endpoint.
 */
class CustomerAllowIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** Every customer-module endpoint with the roles its declaration admits. */
    private Map<String, Set<RoleCode>> declared() {
        Map<String, Set<RoleCode>> endpoints = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.yewu.customer")) continue;
            Allow allow = handler.getMethodAnnotation(Allow.class);
            if (allow == null) allow = handler.getBeanType().getAnnotation(Allow.class);
            Set<RoleCode> roles = EnumSet.noneOf(RoleCode.class);
            if (allow != null) {
                roles.addAll(Arrays.asList(allow.value()));
                for (RoleGroup g : allow.groups()) roles.addAll(g.roles());
                if (allow.anyUser() || allow.anonymous()) roles.addAll(EnumSet.allOf(RoleCode.class));
            }
            for (var method : e.getKey().getMethodsCondition().getMethods()) {
                for (String path : e.getKey().getPatternValues()) endpoints.put(method + " " + path, allow == null ? null : roles);
            }
        }
        return endpoints;
    }

    @Test
    void everyCustomerEndpointDeclaresWhoMayCallIt() {
        var missing = declared().entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        assertThat(missing).isEmpty();
        assertThat(declared()).hasSizeGreaterThan(40);
    }

    @Test
    void CUS16_theServiceDeskAndTheCashierOnlyRead() {
        for (var e : declared().entrySet()) {
            boolean write = !e.getKey().startsWith("GET ");
            for (RoleCode reader : Set.of(RoleCode.SERVICE_AGENT, RoleCode.SHIFT_LEAD, RoleCode.QC_INSPECTOR, RoleCode.RETURN_VISIT,
                    RoleCode.KNOWLEDGE_EDITOR, RoleCode.SERVICE_DIRECTOR, RoleCode.CASHIER, RoleCode.FINANCE,
                    RoleCode.FINANCE_DIRECTOR, RoleCode.ADMINISTRATION)) {
                if (write) assertThat(e.getValue()).as(e.getKey() + " admits " + reader).doesNotContain(reader);
            }
            assertThat(e.getValue()).as(e.getKey() + " admits a retailer").doesNotContain(RoleCode.RETAILER);
        }
    }

    @ParameterizedTest(name = "{0} is for {1}")
    @CsvSource(delimiter = '|', value = {
            "GET /api/customers|" + READERS,
            "GET /api/customers/{id}|" + READERS,
            "GET /api/customers/export|" + READERS,
            "GET /api/customers/ownership|" + READERS,
            "GET /api/customers/duplicates|" + LEAD_HANDLERS,
            "GET /api/customers/similar|" + LEAD_HANDLERS,
            "GET /api/leads/pool/export|" + LEAD_HANDLERS,
            "GET /api/leads/pool|BUSINESS_MANAGER GENERAL_MANAGER",
            "POST /api/leads/distribute|BUSINESS_MANAGER GENERAL_MANAGER",
            "POST /api/leads|NETWORK_PROMOTER BUSINESS_MANAGER",
            "POST /api/leads/import|NETWORK_PROMOTER BUSINESS_MANAGER",
            "POST /api/customers|SALESPERSON BUSINESS_MANAGER ACCOUNT_MANAGER",
            "POST /api/customers/import|SALESPERSON BUSINESS_MANAGER ACCOUNT_MANAGER",
            "PUT /api/customers/{id}|" + WORKERS,
            "POST /api/customers/{id}/follow-ups|" + WORKERS,
            "POST /api/customers/{id}/change-requests|" + WORKERS,
            "POST /api/customers/{id}/transfer|BUSINESS_MANAGER GENERAL_MANAGER",
            "POST /api/customers/transfer|BUSINESS_MANAGER GENERAL_MANAGER",
            "POST /api/disputes/{id}/decide|BUSINESS_MANAGER GENERAL_MANAGER",
            "PUT /api/sales-profiles/{userId}|BUSINESS_MANAGER GENERAL_MANAGER",
            "POST /api/routes|SALESPERSON ACCOUNT_MANAGER",
            "POST /api/visits|SALESPERSON ACCOUNT_MANAGER",
            "POST /api/visits/{id}/check-in|SALESPERSON ACCOUNT_MANAGER"})
    void rulebookTable(String endpoint, String roles) {
        Set<String> expected = new TreeSet<>(Arrays.asList(roles.split(" ")));
        Set<RoleCode> admitted = declared().get(endpoint);
        assertThat(admitted).as(endpoint + " is mapped").isNotNull();
        Set<String> actual = admitted.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).isEqualTo(expected);
    }

    private static final String READERS = "SALESPERSON NETWORK_PROMOTER BUSINESS_MANAGER GENERAL_MANAGER MARKETING_DIRECTOR "
            + "ACCOUNT_MANAGER MARKET_MANAGER FINANCE CASHIER FINANCE_DIRECTOR ADMINISTRATION SERVICE_AGENT SHIFT_LEAD "
            + "QC_INSPECTOR RETURN_VISIT KNOWLEDGE_EDITOR SERVICE_DIRECTOR";
    private static final String LEAD_HANDLERS = "SALESPERSON NETWORK_PROMOTER BUSINESS_MANAGER GENERAL_MANAGER MARKETING_DIRECTOR";
    private static final String WORKERS = "SALESPERSON BUSINESS_MANAGER GENERAL_MANAGER ACCOUNT_MANAGER";
}
