package io.yewu.platform.security;

/** PLT-5: how far a role sees: its own records, its department with sub-departments, or the whole company. */
public enum DataScopeLevel {
    OWN, DEPARTMENT, ALL;

    public DataScopeLevel widest(DataScopeLevel other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }
}
