package io.yewu.platform.scheduling;

import java.time.Instant;
import java.util.Map;

/** A one-off task as its handler receives it; {@code attempts} counts earlier failed runs. */
public record DueTask(long id, long companyId, String kind, String key, Instant dueAt, Map<String, Object> payload,
                      int attempts) {}
