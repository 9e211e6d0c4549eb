package io.yewu.customer.internal.visit;

import io.yewu.platform.decision.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules of route visits: suggested order (RTL-5 via CUS-14), check-in distance, photo formats. */
class VisitPoliciesTest {

    @ParameterizedTest(name = "CUS-14/RTL-5: safety {0}, stock {1} -> suggest {2}")
    @CsvSource({"10, 4, 11.00", "10, 15, 0.00", "10, 20, 0.00", "0, 0, 0.00", "3.3, 1, 3.95", "7, 0, 10.50"})
    void CUS14_suggestedOrderIsOneAndAHalfSafetyStockLessCurrentNotBelowZero(BigDecimal safety, BigDecimal stock, BigDecimal expected) {
        Decision<BigDecimal> d = new SuggestedOrder().suggest(safety, stock, 3);
        assertThat(d.outcome()).isEqualByComparingTo(expected);
        assertThat(d.outcome().scale()).isEqualTo(2);
        assertThat(d.ruleIds()).containsExactly("RTL-5", "CUS-14");
        assertThat(d.settingsVersion()).isEqualTo(3);
        assertThat(d.hits().getFirst().inputs()).containsEntry("safetyStock", safety).containsEntry("currentStock", stock);
    }

    @Test
    void CUS14_haversineMatchesKnownDistances() {
        // Guangzhou Tower to Canton Fair complex, about 3.4 km on the map
        assertThat(GeoDistance.metres(23.1066, 113.3245, 23.1058, 113.3580)).isBetween(3_350.0, 3_470.0);
        // one degree of latitude is about 111.2 km
        assertThat(GeoDistance.metres(23, 113, 24, 113)).isBetween(111_000.0, 111_400.0);
        assertThat(GeoDistance.metres(23.1, 113.3, 23.1, 113.3)).isZero();
    }

    @ParameterizedTest(name = "CUS-14: check-in {0} m north, radius {1} -> far {2}")
    @CsvSource({"0, 500, false", "400, 500, false", "600, 500, true", "600, 1000, false"})
    void CUS14_checkInBeyondTheRadiusIsFlagged(int metresNorth, long radius, boolean far) {
        CheckInDistancePolicy.Point customer = new CheckInDistancePolicy.Point(23.1291, 113.2644);
        double dLat = metresNorth / 111_195.0;
        CheckInDistancePolicy.Point here = new CheckInDistancePolicy.Point(23.1291 + dLat, 113.2644);
        Decision<CheckInDistancePolicy.Verdict> d = new CheckInDistancePolicy().check(here, customer, radius, 7);
        assertThat(d.outcome().far()).isEqualTo(far);
        assertThat(d.outcome().distanceMetres()).isBetween(metresNorth - 2, metresNorth + 2);
        assertThat(d.ruleIds()).containsExactly("CUS-14");
        assertThat(d.hits().getFirst().inputs()).containsEntry("radiusMetres", radius);
    }

    @ParameterizedTest(name = "CUS-14: check-in located {0}, confirmed customer location {1} -> unconfirmed {2}")
    @CsvSource({"false, true, false", "true, false, true", "false, false, true"})
    void CUS14_withoutBothLocationsNothingIsMeasuredAndAnUnconfirmedLocationIsMarked(boolean located, boolean confirmed,
                                                                                   boolean unconfirmed) {
        CheckInDistancePolicy.Point p = new CheckInDistancePolicy.Point(23.1, 113.3);
        Decision<CheckInDistancePolicy.Verdict> d = new CheckInDistancePolicy().check(located ? p : null, confirmed ? p : null, 500, 0);
        assertThat(d.outcome()).isEqualTo(new CheckInDistancePolicy.Verdict(null, false, unconfirmed));
        assertThat(d.ruleIds()).containsExactly("CUS-14");
        assertThat(d.hits().getFirst().inputs()).containsEntry("customerLocationConfirmed", confirmed)
                .containsEntry("checkInLocated", located);
    }

    @Test
    void CUS14_photosAreRecognisedByTheirFirstBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<html><script>".getBytes(StandardCharsets.US_ASCII);
        assertThat(ImageKind.PNG.matches(png)).isTrue();
        assertThat(ImageKind.JPEG.matches(jpeg)).isTrue();
        assertThat(ImageKind.WEBP.matches(webp)).isTrue();
        assertThat(ImageKind.PNG.matches(jpeg)).isFalse();
        assertThat(ImageKind.JPEG.matches(html)).isFalse();
        assertThat(ImageKind.WEBP.matches(new byte[]{'R'})).isFalse();
        assertThat(ImageKind.ofContentType("image/png; charset=x")).contains(ImageKind.PNG);
        assertThat(ImageKind.ofContentType("image/gif")).isEmpty();
        assertThat(ImageKind.ofContentType(null)).isEmpty();
    }
}
