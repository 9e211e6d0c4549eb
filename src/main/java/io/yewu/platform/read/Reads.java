package io.yewu.platform.read;

import java.util.Map;

/** Starts a {@link OneTrip}: SELECTs sent to the database together, behind the company wall of the caller. */
public interface Reads {

    /** A trip whose parts share {@code params} (each part may also {@link OneTrip#bind bind} values of its own). */
    OneTrip trip(Map<String, ?> params);
}
