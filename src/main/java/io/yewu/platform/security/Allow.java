package io.yewu.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint: every handler under {@code /api} carries it (on the method, or on its controller as
 * the default for the methods that carry none). The application refuses to start when a handler has none, and
 * {@code EndpointRoleMatrixIT} calls every endpoint as every role and fails when an answer differs from this.
 *
 * <p>A caller is let in when it holds one of {@link #value()} or of the roles of {@link #groups()}; {@link #anyUser()}
 * lets in every logged-in user; {@link #anonymous()} needs no login at all (login, public forms). Data scope and
 * the company wall then narrow which rows an admitted caller sees (404 outside them), and field rules which columns.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allow {

    RoleCode[] value() default {};

    RoleGroup[] groups() default {};

    /** Every logged-in user of the company (own profile, own notifications, own approvals inbox). */
    boolean anyUser() default false;

    /** No login needed (the login itself, a public form). Such paths must also be open in the security chain. */
    boolean anonymous() default false;
}
