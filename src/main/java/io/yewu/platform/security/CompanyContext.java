package io.yewu.platform.security;

import java.util.function.Supplier;

/**
 * The company whose rows the current thread may touch (PLT-11). Set from the logged-in user for requests and
 * explicitly by system work; every database connection handed out carries it into the row-level-security policy.
 */
public final class CompanyContext {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    /** Either one company, or every company for system work such as login lookup and the scheduler. */
    public record Scope(Long companyId, boolean allCompanies) {}

    private CompanyContext() {}

    public static Scope current() {
        return CURRENT.get();
    }

    public static Long companyId() {
        Scope scope = CURRENT.get();
        return scope == null ? null : scope.companyId();
    }

    public static void set(Scope scope) {
        if (scope == null) CURRENT.remove(); else CURRENT.set(scope);
    }

    public static <T> T callAs(long companyId, Supplier<T> work) {
        return call(new Scope(companyId, false), work);
    }

    public static void runAs(long companyId, Runnable work) {
        callAs(companyId, () -> { work.run(); return null; });
    }

    public static <T> T callAsSystem(Supplier<T> work) {
        return call(new Scope(null, true), work);
    }

    public static void runAsSystem(Runnable work) {
        callAsSystem(() -> { work.run(); return null; });
    }

    private static <T> T call(Scope scope, Supplier<T> work) {
        Scope before = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            set(before);
        }
    }
}
