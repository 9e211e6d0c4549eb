package io.yewu.customer.internal.visit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The demo company's routes and visits (CUS-14), called by the customer demo data in its transaction: each
 * salesperson gets two weekly routes through the {@link Routes} service (Monday/Wednesday/Friday and
 * Tuesday/Thursday, started eight weeks ago), their customers a confirmed location, and last week and this week
 * until now the visits the plan asked for — most done (check-in and check-out, distance measured by
 * {@link CheckInDistancePolicy} with its decision stored), some missed; later today and the rest of the week stay
 * planned. Deterministic: a fixed seed, times placed relative to today.
 */
@Component
public class VisitDemoData {

    /** A customer a salesperson may put on a route, with the city its file names. */
    public record Stop(long customerId, String city) {}

    public record Written(int routes, int visits) {}

    /** Runs work as a user (audit rows name them). */
    public interface Acting {
        <T> T as(YewuPrincipal user, Supplier<T> work);
    }

    private record Centre(double lat, double lng) {}

    private static final ZoneId SHANGHAI = WorkCalendar.ZONE;
    private static final long SEED = 20_260_102L;
    private static final Map<String, Centre> CENTRES = Map.of(
            "广州市", new Centre(23.1291, 113.2644), "佛山市", new Centre(23.0215, 113.1214),
            "深圳市", new Centre(22.5431, 114.0579), "东莞市", new Centre(23.0207, 113.7518),
            "中山市", new Centre(22.5176, 113.3926), "珠海市", new Centre(22.2710, 113.5767),
            "惠州市", new Centre(23.1115, 114.4152), "江门市", new Centre(22.5787, 113.0819));
    private static final String[] OBJECTIVES = {"新品上柜两款", "检查端架陈列，补齐价签", "确认本周订货", "回收上月对账单",
            "推荐节日促销套装", "清点库存，给出建议订货"};
    private static final String[] RESULTS = {"上柜一款，另一款下周试销", "陈列已整改，拍照留存", "订货已确认，周五送货",
            "对账单已签回", "客户同意参加促销，堆头下周到位", "按建议订货量下单"};

    private final JdbcClient jdbc;
    private final Routes routes;
    private final BusinessCalendar calendar;
    private final DecisionRecords decisions;
    private final Settings settings;
    private final AuditTrail audit;
    private final CheckInDistancePolicy policy = new CheckInDistancePolicy();
    private final DayPlanner planner = new DayPlanner();

    VisitDemoData(JdbcClient jdbc, Routes routes, BusinessCalendar calendar, DecisionRecords decisions, Settings settings,
                  AuditTrail audit) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.calendar = calendar;
        this.decisions = decisions;
        this.settings = settings;
        this.audit = audit;
    }

    /** @param books per salesperson, the customers that may go on their routes (first come first) */
    public Written write(Map<YewuPrincipal, List<Stop>> books, Instant now, Acting acting) {
        Random rng = new Random(SEED);
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        LocalDate startsOn = today.minusWeeks(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = today.minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        WorkCalendar work = calendar.calendar();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        int routeCount = 0;
        int visitCount = 0;
        for (var book : books.entrySet()) {
            YewuPrincipal me = book.getKey();
            List<Stop> stops = book.getValue().stream().limit(10).toList();
            if (stops.isEmpty()) continue;
            int half = (stops.size() + 1) / 2;
            List<DayPlanner.Stop> planned = new ArrayList<>();
            planned.addAll(route(me, acting, "周一三五线路", stops.subList(0, half), List.of(1, 3, 5), startsOn));
            if (stops.size() > half) planned.addAll(route(me, acting, "周二四线路", stops.subList(half, stops.size()), List.of(2, 4), startsOn));
            routeCount += stops.size() > half ? 2 : 1;
            Map<Long, CheckInDistancePolicy.Point> located = locate(me, stops, rng);
            for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
                List<DayPlanner.Stop> due = planner.plan(day, work.isWorkingDay(day), planned);
                for (int k = 0; k < due.size(); k++) {
                    OffsetDateTime in = day.atTime(9, 30).plusMinutes(80L * k + rng.nextInt(20)).atZone(SHANGHAI).toOffsetDateTime();
                    OffsetDateTime out = in.plusMinutes(30 + rng.nextInt(25));
                    boolean done = day.isBefore(today) ? rng.nextInt(100) < 85 : out.toInstant().isBefore(now);
                    boolean far = rng.nextInt(25) == 0;
                    int pick = rng.nextInt(OBJECTIVES.length);
                    double dLat = far ? 0.009 : (rng.nextDouble() - 0.5) * 0.0016;
                    double dLng = (rng.nextDouble() - 0.5) * 0.0016;
                    if (!done) continue;
                    DayPlanner.Stop stop = due.get(k);
                    CheckInDistancePolicy.Point at = located.get(stop.customerId());
                    CheckInDistancePolicy.Point here = new CheckInDistancePolicy.Point(round(at.lat() + dLat), round(at.lng() + dLng));
                    visit(me, acting, stop, day, in, out, here, at, pick, snapshot);
                    visitCount++;
                }
            }
        }
        return new Written(routeCount, visitCount);
    }

    private List<DayPlanner.Stop> route(YewuPrincipal me, Acting acting, String name, List<Stop> stops, List<Integer> weekdays,
                                        LocalDate startsOn) {
        RouteInput input = new RouteInput(name, stops.stream().map(s -> new RouteInput.Stop(s.customerId(),
                VisitFrequency.Kind.WEEKLY, weekdays, 1, null, startsOn)).toList(), null);
        RouteView route = acting.as(me, () -> routes.create(me, input));
        return route.stops().stream().map(s -> new DayPlanner.Stop(route.id(), route.name(), s.position(), s.customerId(), false,
                StopFrequencies.of(new RouteInput.Stop(s.customerId(), s.frequency(), s.weekdays(), s.everyWeeks(),
                        s.monthDay(), s.startsOn()), startsOn))).toList();
    }

    /** Each route customer's location, as its owner confirmed it: near the centre of its city. */
    private Map<Long, CheckInDistancePolicy.Point> locate(YewuPrincipal me, List<Stop> stops, Random rng) {
        Map<Long, CheckInDistancePolicy.Point> located = new java.util.LinkedHashMap<>();
        for (Stop s : stops) {
            Centre c = CENTRES.getOrDefault(s.city(), CENTRES.get("广州市"));
            CheckInDistancePolicy.Point p = new CheckInDistancePolicy.Point(round(c.lat() + (rng.nextDouble() - 0.5) * 0.08),
                    round(c.lng() + (rng.nextDouble() - 0.5) * 0.08));
            jdbc.sql("""
                    INSERT INTO customer_location (company_id, customer_id, lat, lng, source, set_by)
                    VALUES (:c, :cust, :lat, :lng, 'OWNER', :u)""")
                    .param("c", me.companyId()).param("cust", s.customerId()).param("lat", p.lat()).param("lng", p.lng())
                    .param("u", me.id()).update();
            located.put(s.customerId(), p);
        }
        return located;
    }

    private void visit(YewuPrincipal me, Acting acting, DayPlanner.Stop stop, LocalDate day, OffsetDateTime in,
                       OffsetDateTime out, CheckInDistancePolicy.Point here, CheckInDistancePolicy.Point customer, int pick,
                       SettingsSnapshot snapshot) {
        Decision<CheckInDistancePolicy.Verdict> verdict =
                policy.check(here, customer, snapshot.get(VisitSettings.CHECK_IN_RADIUS), snapshot.version());
        long id = jdbc.sql("""
                INSERT INTO visit (company_id, visitor_id, customer_id, route_id, visit_on, objective, result, preparation,
                    outdoor_ads_ok, pop_ok, racks_ok, greeting, display_notes, next_visit_at, check_in_at, check_in_lat,
                    check_in_lng, check_in_distance_m, check_in_far, check_out_at, check_out_lat, check_out_lng, created_at)
                VALUES (:c, :u, :cust, :route, :on, :objective, :result, '带新品样品和价目表', true, true, :racks,
                    '问候店长，了解本周销售情况', '主推产品在黄金陈列位', :next, :in, :lat, :lng, :distance, :far, :out, :lat, :lng, :in)
                RETURNING id""")
                .param("c", me.companyId()).param("u", me.id()).param("cust", stop.customerId()).param("route", stop.routeId())
                .param("on", day).param("objective", OBJECTIVES[pick]).param("result", RESULTS[pick])
                .param("racks", pick % 3 != 0).param("next", in.plusWeeks(1)).param("in", in).param("out", out)
                .param("lat", here.lat()).param("lng", here.lng()).param("distance", verdict.outcome().distanceMetres())
                .param("far", verdict.outcome().far()).query(Long.class).single();
        decisions.record("visit", String.valueOf(id), "check-in-distance", verdict);
        acting.as(me, () -> {
            audit.record("visit", id, "CHECK_IN", Changes.of().created("located", true)
                    .created("distanceMetres", verdict.outcome().distanceMetres()).created("far", verdict.outcome().far()));
            return null;
        });
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000) / 1_000_000.0;
    }
}
