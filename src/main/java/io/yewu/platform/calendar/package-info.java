/**
 * PLT-4: the business calendar. "Working day" in any rule means {@link io.yewu.platform.calendar.WorkCalendar}:
 * Monday–Friday, minus the official public holidays, plus the official make-up workdays (调休), as edited by the
 * company's administrator; time zone Asia/Shanghai. Get the company's calendar from
 * {@link io.yewu.platform.calendar.BusinessCalendar}.
 */
@org.springframework.modulith.NamedInterface("calendar")
package io.yewu.platform.calendar;
