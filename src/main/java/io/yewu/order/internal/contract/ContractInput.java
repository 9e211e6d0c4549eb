package io.yewu.order.internal.contract;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Request bodies of the contract endpoints (ORD-9). */
final class ContractInput {

    private ContractInput() {}

    record New(@NotBlank @Size(max = 60) String number, @NotNull @Positive Long customerId,
               @NotBlank @Size(max = 200) String title,
               @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
               @NotNull LocalDate signedOn) {}

    /** The contract's head; its version guards against overwriting a change made meanwhile. */
    record Edit(@NotBlank @Size(max = 200) String title,
                @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                @NotNull LocalDate signedOn, @NotNull Long version) {}

    record Link(@NotNull @Positive Long orderId) {}

    /** The list and export filter. */
    record Filter(Long customerId, Long ownerId, String q, LocalDate from, LocalDate to) {}
}
