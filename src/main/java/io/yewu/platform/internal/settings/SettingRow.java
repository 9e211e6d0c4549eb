package io.yewu.platform.internal.settings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** One stored value of a setting; its id is the settings version it introduced. */
record SettingRow(long id, String key, String value, OffsetDateTime effectiveFrom) {

    /** Columns: id, key, value, effective_from. */
    static SettingRow map(ResultSet rs, int n) throws SQLException {
        return new SettingRow(rs.getLong("id"), rs.getString("key"), rs.getString("value"),
                rs.getObject("effective_from", OffsetDateTime.class));
    }
}
