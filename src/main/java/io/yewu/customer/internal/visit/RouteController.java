package io.yewu.customer.internal.visit;

import io.yewu.customer.internal.ExportWords;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ExcelExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import java.util.Locale;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.Allow;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Visit routes (CUS-14). Another person's route outside one's scope answers 404. */
@RestController
@RequestMapping("/api/routes")
class RouteController {

    record Order(Long version, List<Long> customerIds) {}

    private final Routes routes;

    RouteController(Routes routes) {
        this.routes = routes;
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping
    Page<RouteView.Summary> list(PageQuery page) {
        return routes.list(CurrentUser.get(), page);
    }

    @GetMapping("/export")
    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    ResponseEntity<StreamingResponseBody> export(Locale locale) {
        var user = CurrentUser.get();
        boolean zh = ExportWords.zh(locale);
        List<ExcelExport.Column<Routes.ExportedStop>> columns = List.of(
                new ExcelExport.Column<>("线路", "Route", Routes.ExportedStop::routeName),
                new ExcelExport.Column<>("负责人", "Owner", Routes.ExportedStop::ownerName),
                new ExcelExport.Column<>("顺序", "Order", Routes.ExportedStop::position),
                new ExcelExport.Column<>("客户", "Customer", Routes.ExportedStop::customerName),
                new ExcelExport.Column<>("城市", "City", Routes.ExportedStop::city),
                new ExcelExport.Column<>("频率", "Frequency", s -> ExportWords.frequency(s.frequency(), zh)),
                new ExcelExport.Column<>("拜访日", "Visit days", s -> s.monthDay() != null
                        ? (zh ? "每月 " + s.monthDay() + " 日" : "Day " + s.monthDay() + " of the month")
                        : weekdays(s.weekdays(), zh)),
                new ExcelExport.Column<>("间隔周数", "Every N weeks", Routes.ExportedStop::everyWeeks),
                new ExcelExport.Column<>("开始日期", "Starts on", Routes.ExportedStop::startsOn));
        return ExcelExport.response("routes", locale, columns, sink -> routes.eachStop(user, sink));
    }

    private static final List<String> WEEKDAYS_ZH = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日");
    private static final List<String> WEEKDAYS_EN = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private static String weekdays(List<Integer> days, boolean zh) {
        return days.stream().map(d -> (zh ? WEEKDAYS_ZH : WEEKDAYS_EN).get(d - 1)).collect(java.util.stream.Collectors.joining(zh ? "、" : ", "));
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping("/{id}")
    RouteView get(@PathVariable long id) {
        return routes.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RouteView create(@Valid @RequestBody RouteInput input) {
        return routes.create(CurrentUser.get(), input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PutMapping("/{id}")
    RouteView update(@PathVariable long id, @Valid @RequestBody RouteInput input) {
        return routes.update(CurrentUser.get(), id, input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PutMapping("/{id}/order")
    RouteView reorder(@PathVariable long id, @RequestBody Order order) {
        return routes.reorder(CurrentUser.get(), id, order.version(), order.customerIds());
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam(required = false) Long version) {
        routes.delete(CurrentUser.get(), id, version);
    }
}
