package io.yewu.pricing.internal.quote;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import io.yewu.pricing.QuoteBook;
import io.yewu.pricing.internal.policy.QuotePolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.yewu.pricing.internal.quote.QuoteViews.LINE;
import static io.yewu.pricing.internal.quote.QuoteViews.QUOTE;
import static io.yewu.pricing.internal.quote.QuoteViews.lineKey;
import static io.yewu.pricing.internal.quote.QuoteViews.versionKey;

/**
 * {@link QuoteBook} for the order capability (PRC-10, ORD-1): the accepted, newest, unexpired and unconverted
 * version of a quote in the caller's scope, and marking it converted in the caller's transaction, once.
 */
@Service
class QuoteConversions implements QuoteBook {

    private final JdbcClient jdbc;
    private final QuoteViews views;
    private final Quotes quotes;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final QuotePolicy policy = new QuotePolicy();

    QuoteConversions(JdbcClient jdbc, QuoteViews views, Quotes quotes, DecisionRecords decisions, AuditTrail audit) {
        this.jdbc = jdbc;
        this.views = views;
        this.quotes = quotes;
        this.decisions = decisions;
        this.audit = audit;
    }

    @Override
    public Optional<AcceptedQuote> acceptedForConversion(long quoteId) {
        Optional<QuoteViews.Header> found = header(quoteId);
        if (found.isEmpty()) return Optional.empty();
        QuoteViews.Header q = found.get();
        long company = company();
        QuoteViews.VersionView v = views.version(company, quoteId, q.newestVersion());
        if (v.convertedAt() != null) return Optional.empty();
        List<QuoteViews.LineView> lines = views.lines(company, quoteId, v.versionNo());
        Decision<Boolean> may = policy.allows(QuotePolicy.Action.CONVERT, Quotes.gate(q, v, lines), views.today(),
                quotes.rules(v.createdAt()));
        if (!may.outcome()) return Optional.empty();
        Map<String, StoredDecision> why = decisions.latestFor(LINE,
                lines.stream().map(l -> lineKey(quoteId, v.versionNo(), l.lineNo())).toList(), "price-check");
        List<Line> out = lines.stream().map(l -> {
            StoredDecision d = why.get(lineKey(quoteId, v.versionNo(), l.lineNo()));
            return new Line(l.lineNo(), l.productId(), l.quantity(), l.unitPrice(), l.feeShare(), l.quoteRequestId(),
                    new Decision<>(l.check(), d == null ? List.of() : d.hits(), d == null ? v.settingsVersion() : d.settingsVersion()),
                    "APPROVED".equals(l.specialStatus()) ? l.specialApprovalId() : null);
        }).toList();
        return Optional.of(new AcceptedQuote(quoteId, q.number(), v.versionNo(), q.customerId(), q.ownerId(), out,
                v.paymentTerms(), v.deliveryTerms()));
    }

    @Override
    public void markConverted(long quoteId, int version, long orderId) {
        QuoteViews.Header q = header(quoteId).orElseThrow(() -> ProblemException.notFound("quote " + quoteId));
        long company = company();
        QuoteViews.VersionView v = views.version(company, quoteId, version);
        List<QuoteViews.LineView> lines = views.lines(company, quoteId, version);
        Decision<Boolean> may = policy.allows(QuotePolicy.Action.CONVERT, Quotes.gate(q, v, lines), views.today(),
                quotes.rules(v.createdAt()));
        if (!may.outcome() || v.convertedAt() != null) {
            throw ProblemException.conflict(v.convertedAt() != null ? "quote-already-converted" : "quote-blocked").with("decision", may);
        }
        int updated = jdbc.sql("""
                UPDATE quote_version SET converted_at = now(), order_id = :order
                WHERE company_id = :c AND quote_id = :q AND version = :v AND state = 'ACCEPTED' AND converted_at IS NULL
                  AND version = (SELECT newest_version FROM quote WHERE company_id = :c AND id = :q)""")
                .param("order", orderId).param("c", company).param("q", quoteId).param("v", version).update();
        if (updated == 0) throw ProblemException.conflict("quote-already-converted");
        decisions.record(QUOTE, versionKey(quoteId, version), "convert", may);
        audit.record(QUOTE, quoteId, "convert", Changes.of().put("orderId", null, orderId));
    }

    private Optional<QuoteViews.Header> header(long quoteId) {
        Optional<YewuPrincipal> me = CurrentUser.find();
        return me.isPresent() ? views.header(me.get(), quoteId) : views.header(company(), quoteId);
    }

    private static long company() {
        Long company = CompanyContext.companyId();
        if (company == null) throw new IllegalStateException("quotes are read in a company");
        return company;
    }
}
