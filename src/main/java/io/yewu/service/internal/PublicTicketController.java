package io.yewu.service.internal;

import io.yewu.platform.security.Allow;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The online form outside the login (SVC-1): file a question, look its status up. */
@RestController
@Allow(anonymous = true)
class PublicTicketController {

    private final PublicTickets tickets;

    PublicTicketController(PublicTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/public/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    PublicTickets.Filed file(@RequestBody PublicTickets.Submission in, HttpServletRequest request) {
        try {
            return tickets.file(in, request.getRemoteAddr());
        } catch (PublicTickets.QuotaExceeded e) {
            throw PublicTickets.tooMany(e.retryAfter);
        }
    }

    @PostMapping("/api/public/tickets/status")
    PublicTickets.Status status(@RequestBody PublicTickets.StatusQuery in) {
        return tickets.status(in);
    }
}
