package io.yewu.service;

/** SVC-1: the kinds of question a ticket carries; each has its own reply limit (SVC-3). */
public enum TicketType {
    INQUIRY, COMPLAINT, SPECIAL_REQUEST, INFO_CHANGE, ORDER_SETTLEMENT, ORDERING_FAULT, SUGGESTION
}
