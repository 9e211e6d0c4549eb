package io.yewu.platform.internal.security;

import io.yewu.platform.web.ProblemException;

/** The password rule shared by self-service change, admin reset and user creation. */
public final class Passwords {

    private Passwords() {}

    public static void requireStrong(String field, String password) {
        boolean ok = password != null && password.length() >= 8 && password.length() <= 100
                && password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit);
        if (!ok) throw ProblemException.invalid(field, "password-weak");
    }
}
