package io.yewu.pricing.internal.quote;

import java.util.Locale;
import java.util.Map;

/** Words, not codes, for quote states in exports and the PDF (PLT-9). */
final class QuoteWords {

    private static final Map<String, String[]> STATES = Map.of(
            "DRAFT", new String[] {"草稿", "Draft"},
            "SENT", new String[] {"已发出", "Sent"},
            "ACCEPTED", new String[] {"客户已接受", "Accepted"},
            "REJECTED", new String[] {"客户已拒绝", "Rejected"},
            "SUPERSEDED", new String[] {"已被新版本取代", "Superseded"},
            "EXPIRED", new String[] {"已过期", "Expired"});

    private QuoteWords() {}

    static String state(String state, boolean expired, Locale locale) {
        String[] words = STATES.getOrDefault(expired ? "EXPIRED" : state, new String[] {state, state});
        return "en".equals(locale.getLanguage()) ? words[1] : words[0];
    }
}
