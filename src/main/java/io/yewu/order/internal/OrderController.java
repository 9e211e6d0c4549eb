package io.yewu.order.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders (ORD-1 … ORD-8): sales write and read their orders within their data scope, finance reads all; the service
 * desk sees no order prices here (its status view is ORD-8b's).
 */
@RestController
@RequestMapping("/api/orders")
@Allow(groups = RoleGroup.SALES)
class OrderController {

    private final OrderPreviews previews;

    OrderController(OrderPreviews previews) {
        this.previews = previews;
    }

    /** Every decision an order of these lines (or this saved order) would get now; nothing is saved. */
    @PostMapping("/preview")
    OrderPreviews.Preview preview(@RequestBody OrderPreviews.PreviewInput input) {
        return previews.preview(CurrentUser.get(), input);
    }
}
