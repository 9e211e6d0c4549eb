package io.yewu.platform.web;

/** Optimistic locking: an UPDATE … WHERE id = ? AND version = ? that touched no row lost a race. */
public final class Versions {

    private Versions() {}

    public static void requireUpdated(int rows) {
        if (rows == 0) {
            throw ProblemException.conflict("version-conflict");
        }
    }
}
