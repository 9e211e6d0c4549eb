package io.yewu.platform.transfer;

/** PLT-10: nothing is imported from a file with errors unless the user chooses to import the valid rows. */
public enum ImportMode {
    ALL_OR_NOTHING,
    VALID_ROWS
}
