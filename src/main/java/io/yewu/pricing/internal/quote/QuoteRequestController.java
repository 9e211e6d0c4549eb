package io.yewu.pricing.internal.quote;

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
 * PRC-3 quote requests: salespeople (and their managers) raise them, finance answers them; everyone reads within
 * their data scope — a salesperson its own, a manager its department, finance all (the inbox, least time left first).
 */
@RestController
@RequestMapping("/api/quote-requests")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class QuoteRequestController {

    private final QuoteRequests requests;

    QuoteRequestController(QuoteRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    Page<QuoteRequests.Summary> list(@RequestParam(required = false) String status, PageQuery page) {
        return requests.list(CurrentUser.get(), status, page);
    }

    @GetMapping("/{id}")
    QuoteRequests.Detail get(@PathVariable long id) {
        return requests.get(CurrentUser.get(), id);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    QuoteRequests.Detail create(@RequestBody QuoteRequests.NewRequest input) {
        return requests.create(CurrentUser.get(), input);
    }

    @Allow(groups = RoleGroup.FINANCE_DEPT)
    @PostMapping("/{id}/answer")
    QuoteRequests.Detail answer(@PathVariable long id, @RequestBody QuoteRequests.Answer input) {
        return requests.answer(CurrentUser.get(), id, input);
    }
}
