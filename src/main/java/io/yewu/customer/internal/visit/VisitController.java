package io.yewu.customer.internal.visit;

import io.yewu.platform.security.Allow;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.customer.internal.ExportWords;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Route visits (CUS-14): the day's plan, visit records with the eight steps, check-in/out, photos, plan
 * completion and the market information gathered on visits. Records outside the caller's scope answer 404.
 */
@RestController
@RequestMapping("/api/visits")
class VisitController {

    private static final List<ExcelExport.Column<MarketInfo.Row>> MARKET_COLUMNS = List.of(
            new ExcelExport.Column<>("拜访日期", "Visit date", MarketInfo.Row::visitOn),
            new ExcelExport.Column<>("地区", "District", MarketInfo.Row::city),
            new ExcelExport.Column<>("客户", "Customer", MarketInfo.Row::customerName),
            new ExcelExport.Column<>("拜访人", "Visitor", MarketInfo.Row::visitorName),
            new ExcelExport.Column<>("品牌", "Brand", MarketInfo.Row::brand),
            new ExcelExport.Column<>("产品", "Product", MarketInfo.Row::product),
            new ExcelExport.Column<>("价格", "Price", MarketInfo.Row::price),
            new ExcelExport.Column<>("促销", "Promotion", MarketInfo.Row::promotion),
            new ExcelExport.Column<>("陈列", "Display", MarketInfo.Row::display),
            new ExcelExport.Column<>("人员变动", "Staff changes", MarketInfo.Row::staffChanges));

    private final Visits visits;
    private final VisitPlans plans;
    private final VisitCheckIns checkIns;
    private final VisitPhotos photos;
    private final MarketInfo marketInfo;

    VisitController(Visits visits, VisitPlans plans, VisitCheckIns checkIns, VisitPhotos photos, MarketInfo marketInfo) {
        this.visits = visits;
        this.plans = plans;
        this.checkIns = checkIns;
        this.photos = photos;
        this.marketInfo = marketInfo;
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @GetMapping("/plan")
    VisitPlans.DayPlan plan(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return plans.plan(CurrentUser.get(), date == null ? LocalDate.now(WorkCalendar.ZONE) : date);
    }

    @GetMapping("/completion/export")
    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    ResponseEntity<StreamingResponseBody> completionExport(@RequestParam(required = false) String week,
                                                           @RequestParam(required = false) Long userId, Locale locale) {
        VisitPlans.Completion completion = plans.completion(CurrentUser.get(), week, userId);
        List<ExcelExport.Column<VisitPlans.PersonCompletion>> columns = List.of(
                new ExcelExport.Column<>("周次", "Week", p -> completion.week()),
                new ExcelExport.Column<>("拜访人", "Visitor", VisitPlans.PersonCompletion::name),
                new ExcelExport.Column<>("计划拜访", "Planned", VisitPlans.PersonCompletion::planned),
                new ExcelExport.Column<>("已完成", "Done", VisitPlans.PersonCompletion::done),
                new ExcelExport.Column<>("计划外完成", "Done unplanned", VisitPlans.PersonCompletion::unplannedDone),
                new ExcelExport.Column<>("位置待确认", "Location unconfirmed", VisitPlans.PersonCompletion::locationUnconfirmed),
                new ExcelExport.Column<>("完成率", "Completion rate", p -> p.rate() == null ? null
                        : p.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
        return ExcelExport.response("visit-completion", locale, columns, sink -> completion.people().forEach(sink));
    }

    @GetMapping("/export")
    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                 @RequestParam(required = false) Long customerId, Locale locale) {
        YewuPrincipal me = CurrentUser.get();
        boolean zh = ExportWords.zh(locale);
        List<ExcelExport.Column<Visits.Exported>> columns = List.of(
                new ExcelExport.Column<>("拜访日期", "Visit date", Visits.Exported::visitOn),
                new ExcelExport.Column<>("拜访人", "Visitor", Visits.Exported::visitorName),
                new ExcelExport.Column<>("客户", "Customer", Visits.Exported::customerName),
                new ExcelExport.Column<>("城市", "City", Visits.Exported::city),
                new ExcelExport.Column<>("拜访目标", "Objective", Visits.Exported::objective),
                new ExcelExport.Column<>("实际结果", "Result", Visits.Exported::result),
                new ExcelExport.Column<>("签到时间", "Checked in", Visits.Exported::checkInAt),
                new ExcelExport.Column<>("签退时间", "Checked out", Visits.Exported::checkOutAt),
                new ExcelExport.Column<>("计入完成", "Counted", v -> ExportWords.yesNo(v.counted(), zh)),
                new ExcelExport.Column<>("签到距离（米）", "Check-in distance (m)", Visits.Exported::checkInDistanceM),
                new ExcelExport.Column<>("距离过远", "Too far", v -> ExportWords.yesNo(v.checkInFar(), zh)),
                new ExcelExport.Column<>("位置待确认", "Location unconfirmed", v -> ExportWords.yesNo(v.locationUnconfirmed(), zh)));
        return ExcelExport.response("visits", locale, columns, sink -> visits.each(me, from, to, customerId, sink));
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping("/completion")
    VisitPlans.Completion completion(@RequestParam(required = false) String week, @RequestParam(required = false) Long userId) {
        return plans.completion(CurrentUser.get(), week, userId);
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping
    Page<VisitView.Summary> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Long customerId, PageQuery page) {
        return visits.list(CurrentUser.get(), from, to, customerId, page);
    }

    /** 201 with a new visit, or 200 with the one already recorded for this customer and day. */
    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping
    ResponseEntity<VisitView> create(@Valid @RequestBody VisitInput.New input) {
        Visits.Created created = visits.create(CurrentUser.get(), input);
        return ResponseEntity.status(created.created() ? HttpStatus.CREATED : HttpStatus.OK).body(created.view());
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping("/{id}")
    VisitView get(@PathVariable long id) {
        return visits.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PutMapping("/{id}")
    VisitView update(@PathVariable long id, @Valid @RequestBody VisitInput.Steps input) {
        return visits.update(CurrentUser.get(), id, input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping("/{id}/promises")
    VisitView promise(@PathVariable long id, @Valid @RequestBody VisitInput.Promise input) {
        return visits.promise(CurrentUser.get(), id, input);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping("/{id}/check-in")
    VisitView checkIn(@PathVariable long id, @Valid @RequestBody(required = false) VisitInput.Position position) {
        return checkIns.checkIn(CurrentUser.get(), id, position);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping("/{id}/check-out")
    VisitView checkOut(@PathVariable long id, @Valid @RequestBody(required = false) VisitInput.Position position) {
        return checkIns.checkOut(CurrentUser.get(), id, position);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    VisitView.Photo addPhoto(@PathVariable long id, @RequestParam int step, @RequestParam("file") MultipartFile file) {
        return photos.add(CurrentUser.get(), id, step, file);
    }

    /** Before check-out only (409 {@code visit-finished} after): a finished visit's photos are its record. */
    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    @DeleteMapping("/{id}/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePhoto(@PathVariable long id, @PathVariable long photoId) {
        photos.remove(CurrentUser.get(), id, photoId);
    }

    @Allow(value = RoleCode.MARKETING_DIRECTOR, groups = {RoleGroup.FILERS, RoleGroup.MANAGERS, RoleGroup.RETAIL_FIELD})
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<InputStreamResource> photo(@PathVariable long id, @PathVariable long photoId) {
        VisitPhotos.Content content = photos.read(CurrentUser.get(), id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new InputStreamResource(content.data()));
    }

    @Allow(value = {RoleCode.MARKETING_DIRECTOR, RoleCode.MARKET_MANAGER, RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER},
            groups = RoleGroup.MANAGERS)
    @GetMapping("/market-info")
    Page<MarketInfo.Row> marketInfo(MarketInfo.Filter filter, PageQuery page) {
        return marketInfo.list(CurrentUser.get(), filter, page);
    }

    @Allow(value = {RoleCode.MARKETING_DIRECTOR, RoleCode.MARKET_MANAGER, RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER},
            groups = RoleGroup.MANAGERS)
    @GetMapping("/market-info/export")
    ResponseEntity<StreamingResponseBody> marketInfoExport(MarketInfo.Filter filter, Locale locale) {
        YewuPrincipal me = CurrentUser.get();
        return ExcelExport.response("market-info", locale, MARKET_COLUMNS, sink -> marketInfo.each(me, filter, sink));
    }
}
