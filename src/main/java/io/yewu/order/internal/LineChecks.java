package io.yewu.order.internal;

import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.pricing.LinePricing;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceVerdict;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ORD-1: every order line passes the price checks of PRC-4 … PRC-9 ({@link LinePricing}, the pricing capability's)
 * and the input rules: a known, active product, a quantity above zero with at most two decimals, a price above zero
 * with at most two decimals, a fee share in [0, 1). A refused line is a field problem, never a saved line.
 */
@Component
class LineChecks {

    /** A line as the user sends it. */
    record LineInput(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal feeShare, Long quoteRequestId) {}

    /** A line that passed the input rules, with its price check. */
    record Checked(int lineNo, LineInput input, LinePricing.CheckedLine line) {

        PriceVerdict verdict() {
            return line.check().outcome().verdict();
        }
    }

    record Result(List<Checked> lines, List<FieldProblem> problems) {}

    static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("99999999999.99");

    private final LinePricing pricing;

    LineChecks(LinePricing pricing) {
        this.pricing = pricing;
    }

    /**
     * @param refuse whether a REFUSED verdict is a problem (saving) or just shown (preview)
     */
    Result check(List<LineInput> in, boolean vatInvoice, LocalDate on, boolean refuse) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Checked> out = new ArrayList<>();
        if (in == null || in.isEmpty()) {
            problems.add(new FieldProblem("lines", "required"));
            return new Result(out, problems);
        }
        if (in.size() > 200) {
            problems.add(new FieldProblem("lines", "too-many", 200));
            return new Result(out, problems);
        }
        // first the input rules of every line, then one price look-up for all lines that passed them
        List<Integer> valid = new ArrayList<>();
        List<LineInput> normal = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            LineInput line = in.get(i);
            String at = "lines[" + i + "].";
            if (line == null) {
                problems.add(new FieldProblem(at + "productId", "required"));
                continue;
            }
            int before = problems.size();
            if (line.productId() == null) problems.add(new FieldProblem(at + "productId", "required"));
            BigDecimal q = line.quantity();
            if (q == null) problems.add(new FieldProblem(at + "quantity", "required"));
            else if (q.signum() <= 0) problems.add(new FieldProblem(at + "quantity", "quantity-positive"));
            else if (q.stripTrailingZeros().scale() > 2) problems.add(new FieldProblem(at + "quantity", "quantity-decimals"));
            else if (q.compareTo(MAX_QUANTITY) > 0) problems.add(new FieldProblem(at + "quantity", "quantity-too-large"));
            BigDecimal p = line.unitPrice();
            if (p == null) problems.add(new FieldProblem(at + "unitPrice", "required"));
            else if (p.signum() <= 0) problems.add(new FieldProblem(at + "unitPrice", "price-positive"));
            else if (p.stripTrailingZeros().scale() > 2) problems.add(new FieldProblem(at + "unitPrice", "money-decimals"));
            else if (p.compareTo(MAX_MONEY) > 0) problems.add(new FieldProblem(at + "unitPrice", "price-too-large", MAX_MONEY.toPlainString()));
            BigDecimal x = line.feeShare() == null ? BigDecimal.ZERO : line.feeShare();
            if (x.signum() < 0 || x.compareTo(BigDecimal.ONE) >= 0) problems.add(new FieldProblem(at + "feeShare", "fee-share-range"));
            else if (x.stripTrailingZeros().scale() > 6) problems.add(new FieldProblem(at + "feeShare", "fee-share-decimals"));
            if (problems.size() > before) continue;
            if (q.multiply(p).compareTo(MAX_MONEY) > 0) {
                problems.add(new FieldProblem(at + "quantity", "amount-too-large", MAX_MONEY.toPlainString()));
                continue;
            }
            valid.add(i);
            normal.add(new LineInput(line.productId(), q, p, x, line.quoteRequestId()));
        }
        List<Optional<LinePricing.CheckedLine>> priced = pricing.checkAll(normal.stream()
                .map(l -> new LinePricing.LineRequest(l.productId(), l.unitPrice(), l.quantity(), l.feeShare(), l.quoteRequestId()))
                .toList(), vatInvoice, on);
        for (int k = 0; k < valid.size(); k++) {
            int i = valid.get(k);
            String at = "lines[" + i + "].";
            LineInput line = normal.get(k);
            Optional<LinePricing.CheckedLine> checked = priced.get(k);
            if (checked.isEmpty()) {
                problems.add(new FieldProblem(at + "productId", "unknown", line.productId()));
                continue;
            }
            if (!checked.get().active()) {
                problems.add(new FieldProblem(at + "productId", "product-inactive"));
                continue;
            }
            Checked c = new Checked(i + 1, line, checked.get());
            if (refuse && c.verdict() == PriceVerdict.REFUSED) {
                PriceCheck pc = c.line().check().outcome();
                problems.add(new FieldProblem(at + "unitPrice", "price-refused",
                        pc.guidePrice() == null ? "-" : pc.guidePrice().toPlainString()));
                continue;
            }
            out.add(c);
        }
        // each line fits, but the order's total must too (NUMERIC(14,2)): a field error, not the database's overflow
        BigDecimal total = out.stream().map(c -> c.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_MONEY) > 0) problems.add(new FieldProblem("lines", "total-too-large", MAX_MONEY.toPlainString()));
        problems.sort(java.util.Comparator.comparingInt(LineChecks::lineIndex));
        return new Result(out, problems);
    }

    /** Problems in line order, as one pass used to report them (lines[3] before lines[10]). */
    private static int lineIndex(FieldProblem p) {
        String f = p.field();
        if (!f.startsWith("lines[")) return -1;
        return Integer.parseInt(f.substring(6, f.indexOf(']')));
    }
}
