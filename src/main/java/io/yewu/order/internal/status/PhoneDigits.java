package io.yewu.order.internal.status;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * ORD-8b: phones compare as digits (full-width forms folded, spaces, dashes and brackets dropped, the +86 / 0086
 * prefix removed), so "+86 138-0013-8000" finds the order given with "13800138000".
 */
final class PhoneDigits {

    private PhoneDigits() {}

    /** The digits of a plausible phone (7 to 12 digits after the prefix), else empty. */
    static Optional<String> of(String phone) {
        if (phone == null) return Optional.empty();
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("\\D", "");
        if (digits.startsWith("0086")) digits = digits.substring(4);
        else if (digits.startsWith("86") && digits.length() == 13) digits = digits.substring(2);
        return digits.length() >= 7 && digits.length() <= 12 ? Optional.of(digits) : Optional.empty();
    }

    /** The stored forms the same phone may have once reduced to digits (with and without the country prefix). */
    static List<String> storedForms(String digits) {
        return List.of(digits, "86" + digits, "0086" + digits);
    }

    /** SQL: whether the phone column {@code column} reduces to one of {@code :phoneForms}. */
    static String matches(String column) {
        return "regexp_replace(" + column + ", '\\D', '', 'g') IN (:phoneForms)";
    }
}
