package io.yewu.customer.internal.visit;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CUS-14: a check-in farther from the customer's location than the allowed radius is flagged (not refused: the
 * customer may have moved, or its stored location may be wrong; the manager judges). The customer's location is
 * one the visitor cannot set — imported or confirmed by a manager. Without one the visit is "location unconfirmed"
 * (位置待确认) and nothing is measured until a manager confirms a point; without a check-in position there is
 * nothing to measure either.
 */
public final class CheckInDistancePolicy {

    public record Point(double lat, double lng) {}

    /** {@code distanceMetres} is null when it could not be measured. */
    public record Verdict(Integer distanceMetres, boolean far, boolean locationUnconfirmed) {}

    /** @param customer the confirmed (imported or manager-confirmed) location, or null when there is none yet */
    public Decision<Verdict> check(Point checkIn, Point customer, long radiusMetres, long settingsVersion) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("checkInLocated", checkIn != null);
        inputs.put("customerLocationConfirmed", customer != null);
        inputs.put("radiusMetres", radiusMetres);
        if (customer == null) {
            return Decision.of(new Verdict(null, false, true), settingsVersion, new RuleHit("CUS-14",
                    checkIn == null ? "客户位置待经理确认，签到未提供位置，未计算距离"
                            : "客户位置待经理确认：本次签到位置已作为建议位置提交，确认后再计算距离",
                    checkIn == null ? "The customer's location awaits a manager's confirmation and the check-in had no position; distance not measured"
                            : "The customer's location awaits a manager's confirmation: this check-in's position was proposed; the distance is measured once confirmed",
                    inputs));
        }
        if (checkIn == null) {
            return Decision.of(new Verdict(null, false, false), settingsVersion, new RuleHit("CUS-14",
                    "签到未提供位置，无法计算距离", "The check-in had no position; distance not measured", inputs));
        }
        int distance = (int) Math.round(GeoDistance.metres(checkIn.lat(), checkIn.lng(), customer.lat(), customer.lng()));
        boolean far = distance > radiusMetres;
        inputs.put("distanceMetres", distance);
        RuleHit hit = far
                ? new RuleHit("CUS-14", "签到位置距客户 " + distance + " 米，超过允许的 " + radiusMetres + " 米",
                        "Checked in " + distance + " m from the customer, beyond the allowed " + radiusMetres + " m", inputs)
                : new RuleHit("CUS-14", "签到位置距客户 " + distance + " 米，在允许范围内",
                        "Checked in " + distance + " m from the customer, within the allowed radius", inputs);
        return Decision.of(new Verdict(distance, far, false), settingsVersion, hit);
    }
}
