package io.yewu.platform.settings;

import java.time.Instant;

/** Reads the current company's settings. */
public interface Settings {

    /** The values in force at {@code at}: pass a record's creation time to decide by the rules of its day. */
    SettingsSnapshot snapshotAt(Instant at);
}
