package io.yewu.customer.internal.visit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.yewu.platform.decision.StoredDecision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A visit record as the client reads it: the record itself and its lines, photos and decisions. */
record VisitView(Head visit, List<StockLine> stock, List<Competitor> competitors, List<ReturnLine> returns,
                 List<Promise> promises, List<Photo> photos, List<StoredDecision> decisions) {

    /**
     * {@code customerLat}/{@code customerLng}: where the system believes the customer is, the confirmed point the
     * check-in is measured from; {@code customerLocationSource} says how it came (IMPORT, MANAGER, CONFIRMED), null
     * while there is none (位置待确认).
     */
    record Head(long id, long visitorId, String visitorName, long customerId, String customerName, String city,
                String address, Long routeId, LocalDate visitOn, String objective, String result, String preparation,
                Boolean outdoorAdsOk, Boolean popOk, Boolean racksOk, String outdoorNotes, String greeting,
                String displayNotes, String newProducts, String promotions, String marketNotes,
                boolean signatureRequired, String signedBy, OffsetDateTime nextVisitAt,
                OffsetDateTime checkInAt, Double checkInLat, Double checkInLng, Integer checkInDistanceM,
                Boolean checkInFar, OffsetDateTime checkOutAt, Double checkOutLat, Double checkOutLng,
                Double customerLat, Double customerLng, String customerLocationSource, boolean locationUnconfirmed,
                long version) {

        /** A visit counts only with both a check-in and a check-out. */
        @JsonProperty("counted")
        public boolean counted() {
            return checkInAt != null && checkOutAt != null;
        }
    }

    record StockLine(int lineNo, String product, BigDecimal safetyStock, BigDecimal currentStock, BigDecimal suggested,
                     BigDecimal orderQuantity) {}

    record Competitor(int lineNo, String brand, String product, BigDecimal price, String promotion, String display,
                      String staffChanges) {}

    record ReturnLine(int lineNo, String product, BigDecimal quantity, String reason) {}

    record Promise(long id, long followUpId, String text, LocalDate dueOn) {}

    record Photo(long id, int step, String contentType, long sizeBytes, OffsetDateTime createdAt) {}

    /**
     * A visit in a list, with what a customer's visits tab shows; the decision is the check-in distance's (CUS-14).
     * {@code locationUnconfirmed}: checked in while the customer had no confirmed location (位置待确认).
     */
    record Summary(long id, long visitorId, String visitorName, long customerId, String customerName,
                   LocalDate visitOn, OffsetDateTime checkInAt, OffsetDateTime checkOutAt, Boolean checkInFar,
                   Integer checkInDistanceM, boolean locationUnconfirmed, String objective, String result,
                   StoredDecision distanceDecision) {}
}
