package io.yewu.order.internal.status;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** ORD-8b: order status for customers (public, no account) and for the service desk (read-only); SVC-10 counts. */
@RestController
class OrderStatusController {

    /** @param company the company's code, when one deployment serves several companies (optional) */
    record Query(@NotBlank @Size(max = 40) String number, @NotBlank @Size(max = 40) String phone, @Size(max = 40) String company) {}

    private final OrderStatus status;

    OrderStatusController(OrderStatus status) {
        this.status = status;
    }

    @Allow(anonymous = true)
    @PostMapping("/api/public/order-status")
    ResponseEntity<OrderStatusView.Public> publicStatus(@Valid @RequestBody Query query, HttpServletRequest request) {
        // the client behind a trusted proxy once forward headers are on, as for the login throttle
        var answer = status.lookUp(request.getRemoteAddr(), query.number(), query.phone(), query.company());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
    }

    @Allow(groups = RoleGroup.SERVICE_DESK)
    @GetMapping("/api/service/orders")
    List<OrderStatusView.Agent> forAgent(@RequestParam(required = false) Long customerId,
                                         @RequestParam(required = false) String phone) {
        return status.forAgent(CurrentUser.get(), customerId, phone);
    }

    /** SVC-10: look-ups per day and channel (default: the last 7 days). */
    @Allow(value = {RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
    @GetMapping("/api/service/order-lookups")
    List<OrderStatusView.DayCount> counts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return status.counts(CurrentUser.get(), from, to);
    }
}
