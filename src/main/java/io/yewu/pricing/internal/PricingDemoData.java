package io.yewu.pricing.internal;

import io.yewu.platform.approval.Approvals;
import io.yewu.platform.demo.DemoCompanyCreated;
import io.yewu.platform.demo.DemoUsers;
import io.yewu.platform.demo.DemoWork;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.pricing.internal.quote.QuoteRequests;
import io.yewu.pricing.internal.quote.Quotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo company's catalogue and quotes (decision 0025): standard products with guide prices on a list the general
 * manager approved, next month's list waiting for the general manager, custom and harness products priced on
 * request (one request waiting for finance), and quotes in every state — draft, sent, accepted (two: one the order
 * demo converts), rejected, expired, and one with a special-price line waiting for the business manager. Everything
 * goes through {@link Products}, {@link PriceLists}, {@link Quotes}, {@link QuoteRequests} and the approval chains,
 * acting as the demo users; only the expired quote's dates are moved back afterwards (no service issues a quote in
 * the past). Runs after the customer book ({@code yewu.demo-data.customers > 0}), once the application is ready
 * ({@link DemoWork}), before the order demo, in one transaction.
 */
@Component
class PricingDemoData {

    /** After the customer book (100), before the orders (300). */
    static final int ORDER = 200;

    private static final Logger log = LoggerFactory.getLogger(PricingDemoData.class);

    /** code, name, kind, unit, guide price (null: priced on request) */
    record Item(String code, String name, String kind, String unit, String guidePrice) {}

    static final List<Item> CATALOGUE = List.of(
            new Item("BV-1.5", "铜芯聚氯乙烯绝缘电线 BV 1.5mm²（100米/卷）", "STANDARD", "卷", "168.00"),
            new Item("BV-2.5", "铜芯聚氯乙烯绝缘电线 BV 2.5mm²（100米/卷）", "STANDARD", "卷", "265.00"),
            new Item("BV-4", "铜芯聚氯乙烯绝缘电线 BV 4mm²（100米/卷）", "STANDARD", "卷", "418.00"),
            new Item("BV-6", "铜芯聚氯乙烯绝缘电线 BV 6mm²（100米/卷）", "STANDARD", "卷", "625.00"),
            new Item("RVV-2X1", "聚氯乙烯护套软电缆 RVV 2×1.0mm²（100米/卷）", "STANDARD", "卷", "135.00"),
            new Item("RVVP-4X0.5", "屏蔽软电缆 RVVP 4×0.5mm²（100米/卷）", "STANDARD", "卷", "210.00"),
            new Item("YJV-3X4", "交联聚乙烯绝缘电力电缆 YJV 3×4mm²", "STANDARD", "米", "32.50"),
            new Item("YJV-3X16", "交联聚乙烯绝缘电力电缆 YJV 3×16mm²", "STANDARD", "米", "118.00"),
            new Item("YJV-4X25", "交联聚乙烯绝缘电力电缆 YJV 4×25mm²", "STANDARD", "米", "236.00"),
            new Item("KVV-7X1.5", "控制电缆 KVV 7×1.5mm²", "STANDARD", "米", "18.60"),
            new Item("SYV-75-5", "同轴电缆 SYV-75-5（100米/卷）", "STANDARD", "卷", "155.00"),
            new Item("JKLYJ-70", "架空绝缘导线 JKLYJ 70mm²", "STANDARD", "米", "12.80"),
            new Item("DZ-ZR-01", "定制阻燃电缆（按客户规格）", "CUSTOM", "米", null),
            new Item("XS-QC-01", "汽车线束总成（按图纸）", "HARNESS", "套", null));

    private final Products products;
    private final PriceLists priceLists;
    private final Quotes quotes;
    private final QuoteRequests requests;
    private final Approvals approvals;
    private final DemoUsers users;
    private final DemoWork work;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int size;

    PricingDemoData(Products products, PriceLists priceLists, Quotes quotes, QuoteRequests requests, Approvals approvals,
                    DemoUsers users, DemoWork work, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                    @Value("${yewu.demo-data.customers:300}") int size) {
        this.products = products;
        this.priceLists = priceLists;
        this.quotes = quotes;
        this.requests = requests;
        this.approvals = approvals;
        this.users = users;
        this.work = work;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.size = size;
    }

    /** Queued to run after the start, before the orders (decision 0025: the first start does not wait for it). */
    /**
     * A first start stopped before the queued generation ran leaves the demo company without it: a later start
     * that finds none of it queues it again (decision 0025).
     */
    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Order(ORDER)
    void resume() {
        if (size > 0) DemoWork.demoCompanyWithout(jdbc, "product").ifPresent(demo -> on(new DemoCompanyCreated(demo)));
    }

    @EventListener
    @Order(ORDER)
    void on(DemoCompanyCreated event) {
        if (size <= 0) return;
        work.afterStart("catalogue", () -> {
            long start = System.nanoTime();
            int n = CompanyContext.callAs(event.companyId(), () -> tx.execute(s -> write(event.companyId())));
            log.info("Demo catalogue: {} products, {} quotes in {} ms", CATALOGUE.size(), n, (System.nanoTime() - start) / 1_000_000);
        });
    }

    private int write(long companyId) {
        Map<String, YewuPrincipal> people = users.load(companyId, List.of("mktdir", "gm", "manager", "finance",
                "sales1", "sales2", "sales3", "sales4"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), PriceLists.SHANGHAI);

        // PRC-1: the catalogue, entered by the marketing director
        YewuPrincipal mktdir = people.get("mktdir");
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Item i : CATALOGUE) {
            ids.put(i.code(), DemoUsers.as(mktdir, () -> products.create(mktdir, new Products.Input(i.code(), i.name(), i.kind(), i.unit(), null))).id());
        }
        // PRC-2: this list from today, approved by the general manager; next month's (+3 %) waits for the general manager
        List<PriceLists.LineInput> now = new ArrayList<>();
        List<PriceLists.LineInput> next = new ArrayList<>();
        for (Item i : CATALOGUE) {
            if (i.guidePrice() == null) continue;
            BigDecimal g = new BigDecimal(i.guidePrice());
            now.add(new PriceLists.LineInput(ids.get(i.code()), g));
            next.add(new PriceLists.LineInput(ids.get(i.code()), g.multiply(new BigDecimal("1.03")).setScale(2, RoundingMode.HALF_UP)));
        }
        long current = submittedList(mktdir, "标准产品指导价（演示）", today, now);
        decide(people.get("gm"), approvalOf("price_list", current), true, "同意执行");
        submittedList(mktdir, "下月标准产品指导价（铜价上调 3%）", today.withDayOfMonth(1).plusMonths(1), next);

        // PRC-3: a custom product priced on request, waiting for finance's answer
        YewuPrincipal sales2 = people.get("sales2");
        List<Long> sales2Customers = customersOf(companyId, sales2.id());
        DemoUsers.as(sales2, () -> requests.create(sales2, new QuoteRequests.NewRequest(sales2Customers.get(0), ids.get("DZ-ZR-01"),
                new BigDecimal("800"), "阻燃 B1 级，4×16mm²，外护套橙色，每盘 200 米")));

        // PRC-10: quotes in every state
        int n = 0;
        YewuPrincipal sales1 = people.get("sales1");
        List<Long> sales1Customers = customersOf(companyId, sales1.id());
        YewuPrincipal sales3 = people.get("sales3");
        YewuPrincipal sales4 = people.get("sales4");
        List<Long> sales3Customers = customersOf(companyId, sales3.id());
        List<Long> sales4Customers = customersOf(companyId, sales4.id());
        quote(sales1, sales1Customers.get(0), "新店开业备货", lines(ids, "BV-2.5", 40, 1.0, "RVV-2X1", 20, 1.0));         // draft
        n++;
        send(sales2, quote(sales2, sales2Customers.get(1), "厂房改造用电缆", lines(ids, "YJV-3X16", 300, 1.0, "KVV-7X1.5", 500, 1.0)));
        n++;
        accept(sales1, send(sales1, quote(sales1, sales1Customers.get(1), "配电房改造", lines(ids, "YJV-4X25", 120, 1.0))));
        n++;
        accept(sales3, send(sales3, quote(sales3, sales3Customers.get(0), "季度备货", lines(ids, "BV-4", 30, 1.0, "BV-6", 12, 1.0))));
        n++;
        Quotes.Detail rejected = send(sales3, quote(sales3, sales3Customers.get(1), "监控布线", lines(ids, "SYV-75-5", 25, 1.0, "RVVP-4X0.5", 10, 1.0)));
        DemoUsers.as(sales3, () -> quotes.reject(sales3, rejected.quote().id(),
                new Quotes.Action(rejected.quote().version(), null, "客户选择了其他供应商")));
        n++;
        Quotes.Detail expired = send(sales4, quote(sales4, sales4Customers.get(0), "架空线路改造", lines(ids, "JKLYJ-70", 2000, 1.0)));
        expire(companyId, expired.quote().id(), today);
        n++;
        // PRC-6: 4 % under the guide price, applied for; the business manager has it in the approval inbox
        Quotes.Detail special = quote(sales1, sales1Customers.get(2), "批量采购，客户要求让价", lines(ids, "YJV-3X4", 1000, 0.96, "BV-1.5", 50, 1.0));
        DemoUsers.as(sales1, () -> quotes.applySpecialPrice(sales1, special.quote().id(), 1, new Quotes.Action(special.quote().version(), null, null)));
        n++;
        return n;
    }

    private long submittedList(YewuPrincipal mktdir, String name, LocalDate from, List<PriceLists.LineInput> lines) {
        return DemoUsers.as(mktdir, () -> {
            PriceLists.PriceList list = priceLists.create(mktdir, new PriceLists.Draft(name, from, lines));
            return priceLists.submit(mktdir, list.list().id(), list.list().version()).list().id();
        });
    }

    private long approvalOf(String table, long id) {
        return jdbc.sql("SELECT approval_id FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single();
    }

    private void decide(YewuPrincipal approver, long approvalId, boolean approve, String comment) {
        DemoUsers.as(approver, () -> {
            approvals.decide(approvalId, approver, approve, comment);
            return null;
        });
    }

    /** The salesperson's customers that can take quotes, oldest files first. */
    private List<Long> customersOf(long companyId, long ownerId) {
        return jdbc.sql("""
                SELECT id FROM customer WHERE company_id = :c AND owner_id = :u AND stage IN ('INTENTION', 'FIRST_ORDER', 'ACTIVE')
                ORDER BY id LIMIT 10""").param("c", companyId).param("u", ownerId).query(Long.class).list();
    }

    /** Quote lines from (code, quantity, share of the guide price) triples, the price rounded half-up to the fen. */
    private static List<Quotes.LineInput> lines(Map<String, Long> ids, Object... spec) {
        List<Quotes.LineInput> lines = new ArrayList<>();
        for (int i = 0; i < spec.length; i += 3) {
            String code = (String) spec[i];
            Item item = CATALOGUE.stream().filter(it -> it.code().equals(code)).findFirst().orElseThrow();
            BigDecimal price = new BigDecimal(item.guidePrice()).multiply(BigDecimal.valueOf((Double) spec[i + 2]))
                    .setScale(2, RoundingMode.HALF_UP);
            lines.add(new Quotes.LineInput(ids.get(code), BigDecimal.valueOf((Integer) spec[i + 1]), price, BigDecimal.ZERO, null));
        }
        return lines;
    }

    private Quotes.Detail quote(YewuPrincipal sales, long customerId, String notes, List<Quotes.LineInput> lines) {
        return DemoUsers.as(sales, () -> quotes.create(sales, new Quotes.Draft(customerId, notes, lines, null)));
    }

    private Quotes.Detail send(YewuPrincipal sales, Quotes.Detail q) {
        return DemoUsers.as(sales, () -> quotes.send(sales, q.quote().id(), new Quotes.Action(q.quote().version(), null, null)));
    }

    private Quotes.Detail accept(YewuPrincipal sales, Quotes.Detail q) {
        return DemoUsers.as(sales, () -> quotes.accept(sales, q.quote().id(), new Quotes.Action(q.quote().version(), null, null)));
    }

    /**
     * No service issues a quote in the past: the sent quote is moved back so that its validity ended ten days ago
     * (PRC-10), its own dates only; the audit rows keep the generation's time.
     */
    private void expire(long companyId, long quoteId, LocalDate today) {
        int validity = jdbc.sql("SELECT valid_until - issued_on FROM quote_version WHERE company_id = :c AND quote_id = :q AND version = 1")
                .param("c", companyId).param("q", quoteId).query(Integer.class).single();
        int back = validity + 10;
        jdbc.sql("""
                UPDATE quote_version SET issued_on = issued_on - :d, valid_until = valid_until - :d,
                       created_at = created_at - make_interval(days => :d), sent_at = sent_at - make_interval(days => :d)
                WHERE company_id = :c AND quote_id = :q""")
                .param("d", back).param("c", companyId).param("q", quoteId).update();
        jdbc.sql("UPDATE quote SET created_at = created_at - make_interval(days => :d) WHERE company_id = :c AND id = :q")
                .param("d", back).param("c", companyId).param("q", quoteId).update();
    }
}
