package io.yewu.pricing.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** PRC-1 products and the guide price in force for one (PRC-2). Sales, managers and finance read; marketing writes. */
@RestController
@RequestMapping("/api/products")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class ProductController {

    record VersionInput(Long version) {}

    private final Products products;
    private final PriceLists priceLists;

    ProductController(Products products, PriceLists priceLists) {
        this.products = products;
        this.priceLists = priceLists;
    }

    @GetMapping
    Page<Products.Product> list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                                @RequestParam(required = false) Boolean active, PageQuery page) {
        return products.list(CurrentUser.get(), new Products.Filter(q, kind, active), page);
    }

    @GetMapping("/{id}")
    Products.Product get(@PathVariable long id) {
        return products.get(CurrentUser.get(), id);
    }

    /** The guide price in force for the product on a day (default today), with the decision that explains it. */
    @GetMapping("/{id}/guide-price")
    PriceLists.PriceInForce guidePrice(@PathVariable long id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return priceLists.priceInForce(CurrentUser.get(), id, on);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Products.Product create(@RequestBody Products.Input input) {
        return products.create(CurrentUser.get(), input);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PutMapping("/{id}")
    Products.Product edit(@PathVariable long id, @RequestBody Products.Input input) {
        return products.edit(CurrentUser.get(), id, input);
    }

    @Allow({RoleCode.MARKETING_DIRECTOR, RoleCode.GENERAL_MANAGER})
    @PostMapping("/{id}/deactivate")
    Products.Product deactivate(@PathVariable long id, @RequestBody VersionInput input) {
        return products.deactivate(CurrentUser.get(), id, input.version());
    }
}
