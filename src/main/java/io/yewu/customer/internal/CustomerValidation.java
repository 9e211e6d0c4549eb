package io.yewu.customer.internal;

import io.yewu.platform.web.ProblemException.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a customer file before anything is written: every problem at once, each on its field, so the form can
 * show them all inline (CUS-1; malformed phone, invalid credit code, unknown city, over-long names).
 */
public final class CustomerValidation {

    private CustomerValidation() {}

    public static List<FieldProblem> validate(CustomerInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "name", in.name(), 100);
        if (in.name() != null && !in.name().isBlank() && CustomerKeys.name(in.name()).isEmpty()) {
            problems.add(new FieldProblem("name", "invalid"));
        }
        if (blank(in.city())) problems.add(new FieldProblem("city", "required"));
        else if (Cities.canonical(in.city()).isEmpty()) problems.add(new FieldProblem("city", "unknown-city", in.city().strip()));
        if (!blank(in.creditCode()) && CustomerKeys.creditCode(in.creditCode()).isEmpty()) {
            problems.add(new FieldProblem("creditCode", "credit-code"));
        }
        max(problems, "address", in.address(), 200);
        max(problems, "businessFormat", in.businessFormat(), 50);
        max(problems, "customerClass", in.customerClass(), 50);
        max(problems, "productCategory", in.productCategory(), 50);
        max(problems, "notes", in.notes(), 2000);
        if (in.tags().size() > 10) problems.add(new FieldProblem("tags", "too-many", 10));
        for (int i = 0; i < in.tags().size(); i++) max(problems, "tags[" + i + "]", in.tags().get(i), 20);
        if (in.contacts().size() > 20) problems.add(new FieldProblem("contacts", "too-many", 20));
        for (int i = 0; i < in.contacts().size(); i++) {
            CustomerInput.Contact c = in.contacts().get(i);
            String at = "contacts[" + i + "].";
            required(problems, at + "name", c.name(), 50);
            if (!blank(c.phone()) && CustomerKeys.phone(c.phone()).isEmpty()) problems.add(new FieldProblem(at + "phone", "phone"));
            if (!blank(c.email()) && CustomerKeys.email(c.email()).isEmpty()) problems.add(new FieldProblem(at + "email", "email"));
            max(problems, at + "position", c.position(), 50);
        }
        return problems;
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (blank(value)) problems.add(new FieldProblem(field, "required"));
        else max(problems, field, value, max);
    }

    private static void max(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) problems.add(new FieldProblem(field, "too-long", max));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
