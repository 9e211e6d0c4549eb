package io.yewu.customer.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalised identity keys of a customer file (CUS-1, CUS-6). Two files with the same key are the same customer:
 * names compare without spaces, punctuation, case and full-width forms; phones as digits without the +86 prefix;
 * credit codes upper-case; e-mails lower-case.
 */
public final class CustomerKeys {

    public enum Kind { NAME, CREDIT_CODE, PHONE, EMAIL }

    public record Key(Kind kind, String value) {}

    private static final Pattern NOT_NAME = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s·（）【】「」]+");
    /** Invisible in a name although not format characters: combining marks left after NFKC, Hangul fillers, braille blank. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Mn}\\p{Cf}\\x{115F}\\x{1160}\\x{3164}\\x{FFA0}\\x{2800}]+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{9,11}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CustomerKeys() {}

    /**
     * The text without invisible format characters (Unicode category Cf: zero-width spaces and joiners, word joiner,
     * byte-order mark, soft hyphen, left-to-right and right-to-left marks, embeddings, overrides and isolates), so
     * that they can neither make a second file for the same customer nor disguise a stored name.
     */
    public static String clean(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }

    public static String name(String name) {
        String folded = Normalizer.normalize(clean(name), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_NAME.matcher(INVISIBLE.matcher(folded).replaceAll("")).replaceAll("");
    }

    /** Digits only, country prefix dropped; empty when the text is no Chinese mobile or landline number. */
    public static Optional<String> phone(String phone) {
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("\\D", "");
        if (digits.startsWith("0086")) digits = digits.substring(4);
        else if (digits.startsWith("86") && digits.length() == 13) digits = digits.substring(2);
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    public static Optional<String> email(String email) {
        String e = clean(email).trim().toLowerCase(Locale.ROOT);
        return EMAIL.matcher(e).matches() ? Optional.of(e) : Optional.empty();
    }

    /** The 18-character unified social credit code (GB 32100-2015) with a valid check character, else empty. */
    public static Optional<String> creditCode(String code) {
        String c = Normalizer.normalize(clean(code), Normalizer.Form.NFKC).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (c.length() != 18) return Optional.empty();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CODE_CHARS.indexOf(c.charAt(i));
            if (v < 0) return Optional.empty();
            sum += v * CODE_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return c.charAt(17) == CODE_CHARS.charAt(check) ? Optional.of(c) : Optional.empty();
    }

    /** Every key of a file; invalid phones or e-mails are left out here (validation reports them). */
    public static Set<Key> of(String name, String creditCode, Iterable<String> phones, Iterable<String> emails) {
        Set<Key> keys = new LinkedHashSet<>();
        keys.add(new Key(Kind.NAME, name(name)));
        if (creditCode != null && !creditCode.isBlank()) creditCode(creditCode).ifPresent(c -> keys.add(new Key(Kind.CREDIT_CODE, c)));
        for (String p : phones) if (p != null && !p.isBlank()) phone(p).ifPresent(v -> keys.add(new Key(Kind.PHONE, v)));
        for (String e : emails) if (e != null && !e.isBlank()) email(e).ifPresent(v -> keys.add(new Key(Kind.EMAIL, v)));
        return keys;
    }

    /** CUS-16: 138****5678 for a phone the reader may not see. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) return phone;
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) return "****";
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    public static String maskEmail(String email) {
        if (email == null || email.isBlank()) return email;
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }
}
