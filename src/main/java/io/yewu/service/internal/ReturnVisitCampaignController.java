package io.yewu.service.internal;

import io.yewu.customer.CustomerSelection;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SVC-6 campaign return visits (统一回访): created by the desk or the service director, worked in the visit queue. */
@RestController
@Allow({RoleCode.RETURN_VISIT, RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR})
class ReturnVisitCampaignController {

    private final ReturnVisitCampaigns campaigns;

    ReturnVisitCampaignController(ReturnVisitCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/api/return-visit-campaigns")
    Page<ReturnVisitCampaigns.Row> list(ReturnVisitCampaigns.Filter filter, PageQuery page) {
        return campaigns.list(CurrentUser.get(), filter, page);
    }

    @GetMapping("/api/return-visit-campaigns/export")
    ResponseEntity<StreamingResponseBody> export(ReturnVisitCampaigns.Filter filter, Locale locale) {
        boolean zh = ServiceWords.zh(locale);
        List<ExcelExport.Column<ReturnVisitCampaigns.Row>> columns = List.of(
                new ExcelExport.Column<>("名称", "Name", ReturnVisitCampaigns.Row::name),
                new ExcelExport.Column<>("方式", "Channel", r -> "SMS".equals(r.channel()) ? (zh ? "短信" : "SMS") : (zh ? "电话" : "Phone")),
                new ExcelExport.Column<>("目的", "Purpose", ReturnVisitCampaigns.Row::purpose),
                new ExcelExport.Column<>("期限", "Due", ReturnVisitCampaigns.Row::dueAt),
                new ExcelExport.Column<>("客户数", "Customers", ReturnVisitCampaigns.Row::visitCount),
                new ExcelExport.Column<>("未完成", "Open", ReturnVisitCampaigns.Row::open),
                new ExcelExport.Column<>("已接通", "Reached", ReturnVisitCampaigns.Row::reached),
                new ExcelExport.Column<>("无法联系", "Unreachable", ReturnVisitCampaigns.Row::unreachable),
                new ExcelExport.Column<>("创建人", "Created by", ReturnVisitCampaigns.Row::createdByName),
                new ExcelExport.Column<>("创建时间", "Created", ReturnVisitCampaigns.Row::createdAt));
        return campaigns.query(CurrentUser.get(), filter).xlsx("return-visit-campaigns", locale, columns);
    }

    /** How many customers a filter draws, before the campaign is created. */
    @PostMapping("/api/return-visit-campaigns/preview")
    @Allow({RoleCode.RETURN_VISIT, RoleCode.SERVICE_DIRECTOR})
    Map<String, Long> preview(@RequestBody CustomerSelection.Criteria criteria) {
        return Map.of("customers", campaigns.preview(CurrentUser.get(), criteria));
    }

    @PostMapping("/api/return-visit-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({RoleCode.RETURN_VISIT, RoleCode.SERVICE_DIRECTOR})
    ReturnVisitCampaigns.Report create(@RequestBody ReturnVisitCampaigns.NewCampaign in) {
        var user = CurrentUser.get();
        return campaigns.report(user, campaigns.create(user, in));
    }

    /** The campaign report: reached, satisfaction distribution, unreachable, per agent. */
    @GetMapping("/api/return-visit-campaigns/{id}")
    ReturnVisitCampaigns.Report report(@PathVariable long id) {
        return campaigns.report(CurrentUser.get(), id);
    }
}
