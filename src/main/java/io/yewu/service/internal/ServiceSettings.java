package io.yewu.service.internal;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import io.yewu.platform.settings.SettingType;
import io.yewu.service.TicketType;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The service desk's settings (PLT-2): effective-dated; a ticket decides by the version in force at receipt. */
@Component
public class ServiceSettings implements SettingCatalog {

    private static final Map<TicketType, String[]> TYPE_NAMES = Map.of(
            TicketType.INQUIRY, new String[]{"咨询", "inquiry"},
            TicketType.COMPLAINT, new String[]{"投诉", "complaint"},
            TicketType.SPECIAL_REQUEST, new String[]{"特殊需求", "special request"},
            TicketType.INFO_CHANGE, new String[]{"信息变更", "information change"},
            TicketType.ORDER_SETTLEMENT, new String[]{"订货/结算", "order or settlement issue"},
            TicketType.ORDERING_FAULT, new String[]{"网上订货故障", "ordering-system fault"},
            TicketType.SUGGESTION, new String[]{"建议", "suggestion"});

    public static final Map<TicketType, SettingDefinition<Duration>> REPLY_LIMIT = replyLimits();

    public static final SettingDefinition<Boolean> WORKING_HOURS = SettingDefinition.of("service.timers.working-hours", SettingType.BOOLEAN, false)
            .withRules("SVC-3", "SVC-4").withName("工单时限按工作时间计算", "Ticket timers count working hours")
            .withDescription("关闭时按自然小时计算（规范的决定）；开启后只计工作日的上班时间",
                    "Off: clock hours (the spec's decision); on: only office hours on working days count");
    public static final SettingDefinition<LocalTime> OFFICE_START = SettingDefinition.of("service.office-hours.start", SettingType.TIME_OF_DAY, LocalTime.of(8, 30))
            .withRules("SVC-4").withName("上班时间（工单计时）", "Office hours start (ticket timers)");
    public static final SettingDefinition<LocalTime> OFFICE_END = SettingDefinition.of("service.office-hours.end", SettingType.TIME_OF_DAY, LocalTime.of(17, 30))
            .withRules("SVC-4").withName("下班时间（工单计时）", "Office hours end (ticket timers)");
    public static final SettingDefinition<Long> REMINDER_PERCENT = SettingDefinition.of("service.reminder-percent", SettingType.INTEGER, 75L)
            .withRange(1L, 99L).withUnit("%", "%").withRules("SVC-4")
            .withName("到时提醒比例", "Reminder at this share of the time");
    public static final SettingDefinition<Duration> DIRECTOR_AFTER = SettingDefinition.of("service.escalation.director-after", SettingType.DURATION_HOURS, Duration.ofHours(24))
            .withRange(Duration.ofSeconds(1), Duration.ofHours(720)).withUnit("小时", "hours").withRules("SVC-4")
            .withName("超时后升级至客服主任", "Overdue time before the service director")
            .withDescription("超时仍未办结，再过该时间升级至客服主任", "A ticket still open this long after its promise goes to the service director");
    public static final SettingDefinition<Duration> RETURN_VISIT_WITHIN = SettingDefinition.of("service.return-visit.within", SettingType.DURATION_HOURS, Duration.ofHours(72))
            .withRange(Duration.ofHours(1), Duration.ofHours(720)).withUnit("小时", "hours").withRules("SVC-6")
            .withName("办结后回访期限", "Return visit due within");
    public static final SettingDefinition<LocalTime> CALLS_FROM = SettingDefinition.of("service.calls.from", SettingType.TIME_OF_DAY, LocalTime.of(9, 0))
            .withRules("SVC-6").withName("允许外呼开始时间", "Calls allowed from");
    public static final SettingDefinition<LocalTime> CALLS_UNTIL = SettingDefinition.of("service.calls.until", SettingType.TIME_OF_DAY, LocalTime.of(20, 0))
            .withRules("SVC-6").withName("允许外呼结束时间", "Calls allowed until");
    public static final SettingDefinition<Long> MAX_ATTEMPTS = SettingDefinition.of("service.return-visit.max-attempts", SettingType.INTEGER, 3L)
            .withRange(3L, 5L).withUnit("次", "attempts").withRules("SVC-8")
            .withName("回访无法联系的尝试次数", "Failed attempts before unreachable");
    public static final SettingDefinition<String> ROOT_CAUSES = SettingDefinition.of("service.complaint.root-causes", SettingType.STRING,
                    "PRODUCT_QUALITY,DELIVERY,PRICE,SERVICE_ATTITUDE,ORDERING_SYSTEM,BILLING,OTHER")
            .withRules("SVC-5").withName("投诉原因分类", "Complaint root-cause categories")
            .withDescription("以英文逗号分隔的分类代码", "Category codes separated by commas");
    public static final SettingDefinition<Long> PUBLIC_PER_HOUR = SettingDefinition.of("service.public.per-address-hour", SettingType.INTEGER, 5L)
            .withRange(1L, 1000L).withUnit("次", "submissions").withRules("SVC-1")
            .withName("在线表单每地址每小时提交上限", "Online form submissions per address and hour");

    public static final SettingDefinition<String> SMS_TEMPLATE = SettingDefinition.of("service.return-visit.sms-template", SettingType.STRING,
                    "{name}您好，您反映的问题（工单{ticket}）已处理。请回复数字评价：5非常满意 4满意 3一般 2不满意 1非常不满意。")
            .withRules("SVC-6").withName("短信回访模板", "Return-visit SMS template")
            .withDescription("{name} 换成联系人，{ticket} 换成工单号", "{name} becomes the contact, {ticket} the ticket number");
    public static final SettingDefinition<Long> SMS_MAX_TRIES = SettingDefinition.of("service.return-visit.sms-max-tries", SettingType.INTEGER, 5L)
            .withRange(1L, 10L).withUnit("次", "tries").withRules("SVC-6")
            .withName("短信发送失败重试上限", "SMS tries before giving up");

    public static final SettingDefinition<LocalTime> DAY_SHIFT_START = SettingDefinition.of("service.shift.day-start", SettingType.TIME_OF_DAY, LocalTime.of(8, 0))
            .withRules("SVC-10").withName("白班开始时间", "Day shift starts")
            .withDescription("白班从该时刻到夜班开始；夜班持续到次日白班开始", "The day shift runs from here to the night shift; the night shift runs to the next day shift");
    public static final SettingDefinition<LocalTime> NIGHT_SHIFT_START = SettingDefinition.of("service.shift.night-start", SettingType.TIME_OF_DAY, LocalTime.of(20, 0))
            .withRules("SVC-10").withName("夜班开始时间", "Night shift starts");

    public static final SettingDefinition<Long> ROLL_CALL_BEFORE = SettingDefinition.of("service.shift.roll-call-before", SettingType.INTEGER, 10L)
            .withRange(0L, 120L).withUnit("分钟", "minutes").withRules("SVC-10")
            .withName("班前点名提前时间", "Roll call before a shift")
            .withDescription("值班长在班次开始前该时间到岗点名点评", "The shift lead holds the roll call and short review this long before the shift starts");
    public static final SettingDefinition<Long> QUALITY_MONTH_DUE_DAY = SettingDefinition.of("service.quality-month.due-day", SettingType.INTEGER, 21L)
            .withRange(1L, 28L).withUnit("日", "th of the month").withRules("SVC-10")
            .withName("月度服务质量分析报送日", "Monthly service-quality analysis due by")
            .withDescription("上月的分析最迟于每月该日生成并报送客服主任", "Last month's analysis is produced for the service director by this day of the month");

    public static final SettingDefinition<Long> CAMPAIGN_MAX_CUSTOMERS = SettingDefinition.of("service.campaign.max-customers", SettingType.INTEGER, 2000L)
            .withRange(1L, 20000L).withUnit("户", "customers").withRules("SVC-6")
            .withName("统一回访每次最多客户数", "Customers per campaign at most");

    private static Map<TicketType, SettingDefinition<Duration>> replyLimits() {
        Map<TicketType, SettingDefinition<Duration>> limits = new EnumMap<>(TicketType.class);
        for (TicketType type : TicketType.values()) {
            String[] names = TYPE_NAMES.get(type);
            limits.put(type, SettingDefinition.of("service.reply-limit." + type.name(), SettingType.DURATION_HOURS, Duration.ofHours(24))
                    .withRange(Duration.ofSeconds(1), Duration.ofHours(720)).withUnit("小时", "hours").withRules("SVC-3")
                    .withName("答复时限：" + names[0], "Reply limit: " + names[1])
                    .withDescription("承诺答复时间不得晚于受理后该时长", "A promised reply time may be at most this long after receipt"));
        }
        return Map.copyOf(limits);
    }

    /** The root-cause codes of the list in force. */
    public static List<String> rootCauses(io.yewu.platform.settings.SettingsSnapshot settings) {
        return Arrays.stream(settings.get(ROOT_CAUSES).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public List<SettingDefinition<?>> definitions() {
        List<SettingDefinition<?>> all = new ArrayList<>();
        for (TicketType type : TicketType.values()) all.add(REPLY_LIMIT.get(type));
        all.addAll(List.of(WORKING_HOURS, OFFICE_START, OFFICE_END, REMINDER_PERCENT, DIRECTOR_AFTER, RETURN_VISIT_WITHIN,
                CALLS_FROM, CALLS_UNTIL, MAX_ATTEMPTS, ROOT_CAUSES, PUBLIC_PER_HOUR, SMS_TEMPLATE, SMS_MAX_TRIES,
                DAY_SHIFT_START, NIGHT_SHIFT_START, ROLL_CALL_BEFORE, QUALITY_MONTH_DUE_DAY, CAMPAIGN_MAX_CUSTOMERS));
        return all;
    }
}
