package io.yewu.pricing.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import io.yewu.pricing.ProductKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PRC-1: the product catalogue of a company. A product is standard (常规型号 / 国标, priced by the guide price lists)
 * or non-standard — custom (定制 / 非国标) or a harness (线束) — priced on request. Products are deactivated, never
 * deleted, so lists and quotes that name them keep their lines.
 */
@Service
class Products {

    /** The kinds PRC-1 names; custom and harness products are both non-standard for pricing. */
    enum Kind {
        STANDARD, CUSTOM, HARNESS;

        ProductKind pricing() {
            return this == STANDARD ? ProductKind.STANDARD : ProductKind.NON_STANDARD;
        }
    }

    record Input(String code, String name, String kind, String unit, Long version) {}

    record Product(long id, String code, String name, Kind kind, String unit, boolean active, long version,
                   Instant createdAt) {}

    record Filter(String q, String kind, Boolean active) {}

    private static final String SELECT = "SELECT id, code, name, kind, unit, active, version, created_at";
    private static final Map<String, String> SORTS = Map.of("code", "code", "name", "name", "createdAt", "created_at");

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Products(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    Page<Product> list(YewuPrincipal me, Filter filter, PageQuery page) {
        String where = """
                 FROM product WHERE company_id = :c
                 AND (CAST(:q AS text) IS NULL OR strpos(lower(code), lower(:q)) > 0 OR strpos(lower(name), lower(:q)) > 0)
                 AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                 AND (CAST(:active AS boolean) IS NULL OR active = :active)""";
        Map<String, Object> params = new HashMap<>();
        params.put("c", me.companyId());
        params.put("q", filter.q() == null || filter.q().isBlank() ? null : filter.q().strip());
        params.put("kind", filter.kind() == null || filter.kind().isBlank() ? null : kind(filter.kind(), "kind").name());
        params.put("active", filter.active());
        List<Product> items = jdbc.sql(SELECT + " " + where + " ORDER BY " + page.orderBy(SORTS, "code, id") + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Product.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, " " + where, params));
    }

    Product get(YewuPrincipal me, long id) {
        return jdbc.sql(SELECT + " FROM product WHERE company_id = :c AND id = :id")
                .param("c", me.companyId()).param("id", id).query(Product.class).optional()
                .orElseThrow(() -> ProblemException.notFound("product " + id));
    }

    @Transactional
    Product create(YewuPrincipal me, Input in) {
        Valid v = validate(in);
        requireCodeFree(me.companyId(), v.code(), null);
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO product (company_id, code, name, kind, unit, created_by)
                    VALUES (:c, :code, :name, :kind, :unit, :by) RETURNING id""")
                    .param("c", me.companyId()).param("code", v.code()).param("name", v.name()).param("kind", v.kind().name())
                    .param("unit", v.unit()).param("by", me.id()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("code", "taken");
        }
        audit.record("product", id, "create", Changes.of().created("code", v.code()).created("name", v.name())
                .created("kind", v.kind()).created("unit", v.unit()));
        return get(me, id);
    }

    /** Code, name, kind and unit; {@code version} is required so an edit on a stale copy is refused (409). */
    @Transactional
    Product edit(YewuPrincipal me, long id, Input in) {
        Product before = get(me, id);
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        Valid v = validate(in);
        requireCodeFree(me.companyId(), v.code(), id);
        try {
            Versions.requireUpdated(jdbc.sql("""
                    UPDATE product SET code = :code, name = :name, kind = :kind, unit = :unit, version = version + 1
                    WHERE company_id = :c AND id = :id AND version = :v""")
                    .param("code", v.code()).param("name", v.name()).param("kind", v.kind().name()).param("unit", v.unit())
                    .param("c", me.companyId()).param("id", id).param("v", in.version()).update());
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("code", "taken");
        }
        Product after = get(me, id);
        audit.record("product", id, "update", Changes.of().put("code", before.code(), after.code())
                .put("name", before.name(), after.name()).put("kind", before.kind(), after.kind())
                .put("unit", before.unit(), after.unit()));
        return after;
    }

    /** A deactivated product is offered for no new list or quote; lists and quotes that name it keep it. */
    @Transactional
    Product deactivate(YewuPrincipal me, long id, Long version) {
        Product before = get(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        if (!before.active()) throw ProblemException.conflict("product-inactive");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE product SET active = false, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("c", me.companyId()).param("id", id).param("v", version).update());
        audit.record("product", id, "deactivate", Changes.of().put("active", true, false));
        return get(me, id);
    }

    private record Valid(String code, String name, Kind kind, String unit) {}

    private static Valid validate(Input in) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = text(in.code(), "code", 40, problems);
        String name = text(in.name(), "name", 100, problems);
        String unit = text(in.unit(), "unit", 20, problems);
        Kind kind = null;
        if (in.kind() == null || in.kind().isBlank()) problems.add(new FieldProblem("kind", "required"));
        else {
            try {
                kind = Kind.valueOf(in.kind().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "invalid"));
            }
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        return new Valid(code, name, kind, unit);
    }

    private static Kind kind(String value, String field) {
        try {
            return Kind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "invalid");
        }
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) problems.add(new FieldProblem(field, "required"));
        else if (s.length() > max) problems.add(new FieldProblem(field, "too-long", max));
        return s;
    }

    private void requireCodeFree(long companyId, String code, Long except) {
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM product WHERE company_id = :c AND code = :code AND id <> COALESCE(:id, -1))")
                .param("c", companyId).param("code", code).param("id", except).query(Boolean.class).single();
        if (taken) throw ProblemException.invalid("code", "taken");
    }
}
