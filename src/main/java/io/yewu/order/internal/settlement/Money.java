package io.yewu.order.internal.settlement;

import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.web.ProblemException.FieldProblem;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Input checks shared by receipts, invoices and refunds: amounts in yuan (PLT-8) and business dates. */
final class Money {

    /** The largest amount numeric(14, 2) holds. */
    static final BigDecimal MAX = new BigDecimal("999999999999.99");

    private Money() {}

    /** A positive amount with at most two decimals; adds the field problem and answers false otherwise. */
    static boolean checkPositive(String field, BigDecimal amount, List<FieldProblem> problems) {
        if (amount == null) problems.add(new FieldProblem(field, "required"));
        else if (amount.signum() <= 0) problems.add(new FieldProblem(field, "amount-positive"));
        else if (amount.stripTrailingZeros().scale() > 2) problems.add(new FieldProblem(field, "money-decimals"));
        else if (amount.compareTo(MAX) > 0) problems.add(new FieldProblem(field, "amount-too-large", MAX.toPlainString()));
        else return true;
        return false;
    }

    /** A business date given, not in the future (Asia/Shanghai). */
    static void checkDate(String field, LocalDate day, Clock clock, List<FieldProblem> problems) {
        if (day == null) problems.add(new FieldProblem(field, "required"));
        else if (day.isAfter(today(clock))) problems.add(new FieldProblem(field, "date-in-future"));
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), WorkCalendar.ZONE);
    }

    static String text(String s, String field, int max, List<FieldProblem> problems) {
        String t = s == null ? "" : s.strip();
        if (t.length() > max) problems.add(new FieldProblem(field, "too-long", max));
        return t;
    }
}
