package io.yewu.customer.internal;

import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The as-you-type check before filing (CUS-6): exact matches on the normalised keys (primary-key lookups), and
 * separately a hint of similar names (trigram index); both answer only names, owners and what matched — never
 * contacts (CUS-16).
 */
@Component
class DuplicateCheck {

    /**
     * An existing file the keys matched. A match on a phone or e-mail that is not the asker's own answers only
     * "exists, owned by X" (no id, name or stage): the check confirms a full number, it does not reveal whose it is.
     */
    record Match(Long customerId, String name, String ownerName, String stage, String matchedOn, boolean mine) {}

    record Similar(String name, String ownerName) {}

    record Answer(List<Match> matches) {}

    private final JdbcClient jdbc;
    private final CustomerFiling filing;
    private final TransactionTemplate tx;

    DuplicateCheck(JdbcClient jdbc, CustomerFiling filing, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.filing = filing;
        this.tx = tx;
    }

    /**
     * Exact matches on the normalised keys. Every key given must be complete and valid — a phone prefix, a short
     * number or a malformed e-mail or credit code is 422, never a match — so the check cannot be used to complete a
     * masked phone digit by digit.
     */
    Answer check(YewuPrincipal user, String name, String phone, String creditCode, String email) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (!CustomerValidation.blank(phone) && CustomerKeys.phone(phone).isEmpty()) {
            problems.add(new ProblemException.FieldProblem("phone", "phone-incomplete"));
        }
        if (!CustomerValidation.blank(email) && CustomerKeys.email(email).isEmpty()) {
            problems.add(new ProblemException.FieldProblem("email", "email"));
        }
        if (!CustomerValidation.blank(creditCode) && CustomerKeys.creditCode(creditCode).isEmpty()) {
            problems.add(new ProblemException.FieldProblem("creditCode", "credit-code"));
        }
        if (name != null && name.length() > 100) problems.add(new ProblemException.FieldProblem("name", "too-long", 100));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        boolean hasName = name != null && !CustomerKeys.name(name).isEmpty();
        Set<CustomerKeys.Key> keys = hasName
                ? CustomerKeys.of(name, creditCode, listOf(phone), listOf(email))
                : new java.util.LinkedHashSet<>(CustomerKeys.of("x", creditCode, listOf(phone), listOf(email)).stream()
                        .filter(k -> k.kind() != CustomerKeys.Kind.NAME).toList());
        List<Match> matches = filing.matches(user.companyId(), keys).stream().map(m -> {
            boolean mine = m.ownerId() != null && m.ownerId() == user.id();
            boolean byContact = m.matchedOn().equals("PHONE") || m.matchedOn().equals("EMAIL");
            return mine || !byContact
                    ? new Match(m.customerId(), m.name(), m.ownerName(), m.stage(), m.matchedOn(), mine)
                    : new Match(null, null, m.ownerName(), null, m.matchedOn(), false);
        }).toList();
        return new Answer(matches);
    }

    /**
     * Up to five names alike enough to be worth a look. A stricter threshold than pg_trgm's default 0.3 keeps short
     * Chinese names from matching thousands of candidates; set for this transaction only.
     */
    List<Similar> similar(long companyId, String name) {
        return tx.execute(s -> {
            jdbc.sql("SELECT set_config('pg_trgm.similarity_threshold', '0.5', true)").query(String.class).single();
            return jdbc.sql("""
                    SELECT c.name, u.display_name AS owner_name FROM customer c LEFT JOIN app_user u ON u.id = c.owner_id
                    WHERE c.company_id = :c AND c.name % :name ORDER BY similarity(c.name, :name) DESC LIMIT 5""")
                    .param("c", companyId).param("name", name).query(Similar.class).list();
        });
    }

    private static List<String> listOf(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
