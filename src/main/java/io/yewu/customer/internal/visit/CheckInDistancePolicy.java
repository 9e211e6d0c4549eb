package io.yewu.customer.internal.visit;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.util.Map;

/**
 * CUS-14: a check-in farther from the customer's location than the allowed radius is flagged (not refused: the
 * customer may have moved, or its stored location may be wrong; the manager judges). Without both locations
 * there is nothing to measure and nothing is flagged.
 */
public final class CheckInDistancePolicy {

    public record Point(double lat, double lng) {}

    /** {@code distanceMetres} is null when it could not be measured. */
    public record Verdict(Integer distanceMetres, boolean far) {}

    public Decision<Verdict> check(Point checkIn, Point customer, long radiusMetres, long settingsVersion) {
        if (checkIn == null || customer == null) {
            return Decision.of(new Verdict(null, false), settingsVersion, RuleHit.of("CUS-14",
                    "缺少签到位置或客户位置，无法计算距离", "No check-in or customer location; distance not measured"));
        }
        int distance = (int) Math.round(GeoDistance.metres(checkIn.lat(), checkIn.lng(), customer.lat(), customer.lng()));
        boolean far = distance > radiusMetres;
        Map<String, Object> inputs = Map.of("distanceMetres", distance, "radiusMetres", radiusMetres);
        RuleHit hit = far
                ? new RuleHit("CUS-14", "签到位置距客户 " + distance + " 米，超过允许的 " + radiusMetres + " 米",
                        "Checked in " + distance + " m from the customer, beyond the allowed " + radiusMetres + " m", inputs)
                : new RuleHit("CUS-14", "签到位置距客户 " + distance + " 米，在允许范围内",
                        "Checked in " + distance + " m from the customer, within the allowed radius", inputs);
        return Decision.of(new Verdict(distance, far), settingsVersion, hit);
    }
}
