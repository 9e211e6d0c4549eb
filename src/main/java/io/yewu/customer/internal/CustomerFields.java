package io.yewu.customer.internal;

import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.YewuPrincipal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields by role (CUS-16, issue 8): which parts of a customer file a reader's roles may see, wherever they appear —
 * the file, change-request history, decision inputs, exports. The service desk answers questions without any
 * credit data; administration (行政部) needs no bank account or credit terms. A part hidden from any of the
 * reader's roles is hidden. Pure: the queries apply it where they build rows.
 */
public final class CustomerFields {

    /** Parts of a file, each with the field names (file columns and decision inputs) that carry it. */
    public enum Part {
        CREDIT_TERMS("creditTermDays", "creditLimit", "creditInvestigation",
                "termDaysBefore", "termDaysAfter", "limitBefore", "limitAfter"),
        BANK("bankName", "bankAccount"),
        INVOICE("invoiceTitle", "taxId");

        private final List<String> names;

        Part(String... names) {
            this.names = List.of(names);
        }

        public List<String> names() {
            return names;
        }
    }

    private static final Map<RoleCode, Set<Part>> HIDDEN = hiddenByRole();

    private CustomerFields() {}

    private static Map<RoleCode, Set<Part>> hiddenByRole() {
        Map<RoleCode, Set<Part>> hidden = new java.util.EnumMap<>(RoleCode.class);
        for (RoleCode desk : RoleGroup.SERVICE_DESK.roles()) hidden.put(desk, EnumSet.allOf(Part.class));
        hidden.put(RoleCode.ADMINISTRATION, EnumSet.of(Part.CREDIT_TERMS, Part.BANK));
        hidden.put(RoleCode.RETAILER, EnumSet.allOf(Part.class));
        return Map.copyOf(hidden);
    }

    /** The parts hidden from a reader with these roles. */
    public static Set<Part> hidden(Collection<RoleCode> roles) {
        Set<Part> parts = EnumSet.noneOf(Part.class);
        for (RoleCode role : roles) parts.addAll(HIDDEN.getOrDefault(role, Set.of()));
        return parts;
    }

    public static Set<Part> hidden(YewuPrincipal reader) {
        return hidden(roles(reader));
    }

    public static Set<String> hiddenNames(YewuPrincipal reader) {
        return hiddenNames(roles(reader));
    }

    private static List<RoleCode> roles(YewuPrincipal reader) {
        return reader.roles().stream().flatMap(r -> java.util.Arrays.stream(RoleCode.values()).filter(c -> c.name().equals(r))).toList();
    }

    /** The field names hidden from a reader with these roles. */
    public static Set<String> hiddenNames(Collection<RoleCode> roles) {
        Set<String> names = new LinkedHashSet<>();
        hidden(roles).forEach(p -> names.addAll(p.names()));
        return names;
    }
}
