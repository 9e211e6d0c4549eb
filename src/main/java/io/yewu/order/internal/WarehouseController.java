package io.yewu.order.internal;

import io.yewu.order.WarehouseStage;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The warehouse (ORD-6 … ORD-8): the clerk works released orders through print, pack, ship and deliver and takes
 * printed or packed ones back for a change; managers follow the queue and the on-time rate. No prices are shown.
 */
@RestController
@RequestMapping("/api/warehouse")
@Allow(groups = RoleGroup.ORDER_FOLLOWERS)
class WarehouseController {

    record StageInput(Long version, String note) {}

    private final Warehouse warehouse;
    private final OrderTerms terms;

    WarehouseController(Warehouse warehouse, OrderTerms terms) {
        this.warehouse = warehouse;
        this.terms = terms;
    }

    @GetMapping("/orders")
    Page<Warehouse.Row> list(@RequestParam(required = false) String stage, @RequestParam(required = false) Boolean late,
                             PageQuery page) {
        return warehouse.list(CurrentUser.get(), stage, late, page);
    }

    @GetMapping("/orders/{id}")
    Warehouse.View get(@PathVariable long id) {
        return warehouse.get(CurrentUser.get(), id);
    }

    @Allow(RoleCode.WAREHOUSE)
    @PostMapping("/orders/{id}/print")
    Warehouse.View print(@PathVariable long id, @RequestBody StageInput in) {
        return warehouse.advance(CurrentUser.get(), id, in.version(), WarehouseStage.PRINTED);
    }

    @Allow(RoleCode.WAREHOUSE)
    @PostMapping("/orders/{id}/pack")
    Warehouse.View pack(@PathVariable long id, @RequestBody StageInput in) {
        return warehouse.advance(CurrentUser.get(), id, in.version(), WarehouseStage.PACKED);
    }

    @Allow(RoleCode.WAREHOUSE)
    @PostMapping("/orders/{id}/ship")
    Warehouse.View ship(@PathVariable long id, @RequestBody StageInput in) {
        return warehouse.advance(CurrentUser.get(), id, in.version(), WarehouseStage.SHIPPED);
    }

    @Allow(RoleCode.WAREHOUSE)
    @PostMapping("/orders/{id}/deliver")
    Warehouse.View deliver(@PathVariable long id, @RequestBody StageInput in) {
        return warehouse.deliver(CurrentUser.get(), id, in.version());
    }

    /** ORD-8: delivery note and parcel retrieved, goods restocked; the order may then change or be cancelled. */
    @Allow(RoleCode.WAREHOUSE)
    @PostMapping("/orders/{id}/take-back")
    Warehouse.View takeBack(@PathVariable long id, @RequestBody StageInput in) {
        return warehouse.takeBack(CurrentUser.get(), id, in.version(), in.note());
    }

    /** ORD-7: the on-time shipment rate of a month ({@code yyyy-MM}, this month when absent). */
    @GetMapping("/on-time")
    Warehouse.OnTime onTime(@RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.from(terms.today()) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "invalid");
        }
        return warehouse.onTime(CurrentUser.get(), m);
    }
}
