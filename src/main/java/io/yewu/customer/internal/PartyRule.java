package io.yewu.customer.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * CUS-7, CUS-8: whoever decides a dispute or a transfer is never a party to it — the claimant or the owner of a
 * disputed customer, the from- or to-user of a transfer. A manager who is a party leaves it to the general manager.
 */
public final class PartyRule {

    private PartyRule() {}

    /** Whether {@code decider} is one of the {@code parties}; a missing party (an unowned file) is nobody. */
    public static boolean isParty(long decider, Long... parties) {
        return Arrays.stream(parties).filter(Objects::nonNull).anyMatch(p -> p == decider);
    }
}
