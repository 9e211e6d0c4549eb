package io.yewu.customer.internal.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the client sends to create and fill a visit record (CUS-14). */
final class VisitInput {

    private VisitInput() {}

    /** {@code visitOn} defaults to today (Asia/Shanghai). */
    record New(@NotNull Long customerId, Long routeId, LocalDate visitOn, @Size(max = 2000) String objective) {}

    /** The eight steps plus objective and result; the lists replace what was stored. */
    record Steps(@NotNull Long version,
                 @Size(max = 2000) String objective,
                 @Size(max = 2000) String result,
                 @Size(max = 2000) String preparation,                                   // 1
                 Boolean outdoorAdsOk, Boolean popOk, Boolean racksOk,                   // 2
                 @Size(max = 2000) String outdoorNotes,
                 @Size(max = 2000) String greeting,                                      // 3
                 @Size(max = 2000) String displayNotes,                                  // 4
                 @Size(max = 100) List<@Valid @NotNull StockLine> stock,                 // 5
                 @Size(max = 2000) String newProducts,                                   // 6
                 @Size(max = 2000) String promotions,
                 @Size(max = 2000) String marketNotes,
                 @Size(max = 50) List<@Valid @NotNull Competitor> competitors,
                 Boolean signatureRequired,                                              // 7
                 @Size(max = 100) String signedBy,
                 OffsetDateTime nextVisitAt,                                             // 8
                 @Size(max = 50) List<@Valid @NotNull ReturnLine> returns) {}

    record StockLine(@NotBlank @Size(max = 200) String product,
                     @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal safetyStock,
                     @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal currentStock,
                     @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal orderQuantity) {}

    record Competitor(@NotBlank @Size(max = 100) String brand, @Size(max = 200) String product,
                      @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal price,
                      @Size(max = 1000) String promotion, @Size(max = 1000) String display,
                      @Size(max = 1000) String staffChanges) {}

    record ReturnLine(@NotBlank @Size(max = 200) String product,
                      @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal quantity,
                      @NotBlank @Size(max = 500) String reason) {}

    record Promise(@NotBlank @Size(max = 1000) String text, @NotNull LocalDate dueOn) {}

    /** A device position; both or neither. */
    record Position(@DecimalMin("-90") @DecimalMax("90") Double lat, @DecimalMin("-180") @DecimalMax("180") Double lng) {}
}
