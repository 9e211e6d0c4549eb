package io.yewu.customer.internal.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A route as the client sends it: the whole ordered list of stops; {@code version} is required to change one. */
record RouteInput(@NotBlank @Size(max = 100) String name,
                  @NotNull @Size(max = 300) List<@Valid @NotNull Stop> stops,
                  Long version) {

    /**
     * One stop. WEEKLY needs {@code weekdays} (1 = Monday … 7 = Sunday) and takes {@code everyWeeks} (default 1);
     * MONTHLY needs {@code monthDay}. {@code startsOn} defaults to today.
     */
    record Stop(@NotNull Long customerId, @NotNull VisitFrequency.Kind frequency, List<Integer> weekdays,
                Integer everyWeeks, Integer monthDay, LocalDate startsOn) {}
}
