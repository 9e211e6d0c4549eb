package io.yewu.platform.transfer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** The cell parsers most imports need. */
public final class CellParsers {

    private static final Pattern MOBILE_OR_LANDLINE = Pattern.compile("(\\+?86)?1\\d{10}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"), DateTimeFormatter.ofPattern("yyyy年M月d日"));

    private CellParsers() {}

    public static CellParser<String> text(int maxLength) {
        return s -> s.length() > maxLength ? CellParser.error("too-long", maxLength) : CellParser.ok(s);
    }

    /** A mainland mobile (13800138000) or landline (020-12345678) number, kept without spaces. */
    public static CellParser<String> phone() {
        return s -> {
            String compact = s.replace(" ", "");
            return MOBILE_OR_LANDLINE.matcher(compact).matches() ? CellParser.ok(compact) : CellParser.error("phone");
        };
    }

    /** Yuan, at most two decimals, thousands separators allowed (PLT-8); negative amounts are refused. */
    public static CellParser<BigDecimal> money() {
        return s -> {
            try {
                BigDecimal v = new BigDecimal(s.replace(",", "").replace("，", "").replace("¥", "").replace("￥", ""));
                if (v.signum() < 0) return CellParser.error("not-negative");
                if (v.stripTrailingZeros().scale() > 2) return CellParser.error("money-decimals");
                return CellParser.ok(v.setScale(2, RoundingMode.UNNECESSARY));
            } catch (NumberFormatException e) {
                return CellParser.error("number");
            }
        };
    }

    /** A number as written (1,200.5 or 5%), unchecked otherwise: the record's own rules judge its sign and decimals. */
    public static CellParser<BigDecimal> decimal() {
        return s -> {
            String t = s.replace(",", "").replace("，", "").strip();
            boolean percent = t.endsWith("%") || t.endsWith("％");
            if (percent) t = t.substring(0, t.length() - 1).strip();
            try {
                BigDecimal v = new BigDecimal(t);
                return CellParser.ok(percent ? v.movePointLeft(2) : v);
            } catch (NumberFormatException e) {
                return CellParser.error("number");
            }
        };
    }

    /** 是/否, yes/no, Y/N, 1/0, true/false. */
    public static CellParser<Boolean> yesNo() {
        return s -> switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "是", "yes", "y", "1", "true", "√" -> CellParser.ok(true);
            case "否", "no", "n", "0", "false" -> CellParser.ok(false);
            default -> CellParser.error("yes-no");
        };
    }

    public static CellParser<Long> integer() {
        return s -> {
            try {
                return CellParser.ok(new BigDecimal(s.replace(",", "")).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return CellParser.error("integer");
            }
        };
    }

    /** 2026-03-01, 2026/3/1, 2026.3.1 or 2026年3月1日. */
    public static CellParser<LocalDate> date() {
        return s -> {
            for (DateTimeFormatter f : DATES) {
                try {
                    return CellParser.ok(LocalDate.parse(s, f));
                } catch (DateTimeParseException e) {
                    // try the next layout
                }
            }
            return CellParser.error("date");
        };
    }
}
