package io.yewu.pricing;

/** What the price checks (PRC-4 … PRC-9) say about one line. */
public enum PriceVerdict {
    /** At or above the guide price, or within the no-VAT allowance: the salesperson decides (PRC-11). */
    OK,
    /** Below what the salesperson may decide: saved, but the quote waits for the business manager (PRC-6, PRC-9). */
    SPECIAL_PRICE,
    /** Under the hard floor (PRC-7) or malformed: the line cannot be saved. */
    REFUSED,
    /** No guide price yet (non-standard item, PRC-3): saved, but the quote cannot be sent. */
    AWAITING_GUIDE_PRICE;

    public boolean saveable() {
        return this != REFUSED;
    }

    public boolean sendableWithoutApproval() {
        return this == OK;
    }
}
