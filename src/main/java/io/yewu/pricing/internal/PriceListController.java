package io.yewu.pricing.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * PRC-2 guide price lists: read by sales, managers and finance; drafted by the marketing director (or the general
 * manager); submitted by the marketing director for the general manager's approval.
 */
@RestController
@RequestMapping("/api/price-lists")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class PriceListController {

    private final PriceLists priceLists;

    PriceListController(PriceLists priceLists) {
        this.priceLists = priceLists;
    }

    @GetMapping
    Page<PriceLists.Summary> list(@RequestParam(required = false) String status, PageQuery page) {
        return priceLists.list(CurrentUser.get(), status, page);
    }

    @GetMapping("/{id}")
    PriceLists.PriceList get(@PathVariable long id) {
        return priceLists.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PriceLists.PriceList create(@RequestBody PriceLists.Draft draft) {
        return priceLists.create(CurrentUser.get(), draft);
    }

    /** PRC-2: only the marketing director drafts a price strategy for approval (GuidePricePolicy#priceListApproval). */
    @Allow(RoleCode.MARKETING_DIRECTOR)
    @PostMapping("/{id}/submit")
    PriceLists.PriceList submit(@PathVariable long id, @RequestBody ProductController.VersionInput input) {
        return priceLists.submit(CurrentUser.get(), id, input.version());
    }
}
