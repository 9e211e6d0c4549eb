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
import java.util.LinkedHashMap;
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
            List<Done> done = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
                List<DayPlanner.Stop> due = planner.plan(day, work.isWorkingDay(day), planned);
                for (int k = 0; k < due.size(); k++) {
                    OffsetDateTime in = day.atTime(9, 30).plusMinutes(80L * k + rng.nextInt(20)).atZone(SHANGHAI).toOffsetDateTime();
                    OffsetDateTime out = in.plusMinutes(30 + rng.nextInt(25));
                    boolean happened = day.isBefore(today) ? rng.nextInt(100) < 85 : out.toInstant().isBefore(now);
                    boolean far = rng.nextInt(25) == 0;
                    int pick = rng.nextInt(OBJECTIVES.length);
                    double dLat = far ? 0.009 : (rng.nextDouble() - 0.5) * 0.0016;
                    double dLng = (rng.nextDouble() - 0.5) * 0.0016;
                    if (!happened) continue;
                    DayPlanner.Stop stop = due.get(k);
                    CheckInDistancePolicy.Point at = located.get(stop.customerId());
                    CheckInDistancePolicy.Point here = new CheckInDistancePolicy.Point(round(at.lat() + dLat), round(at.lng() + dLng));
                    done.add(new Done(stop, day, in, out, here, pick,
                            policy.check(here, at, snapshot.get(VisitSettings.CHECK_IN_RADIUS), snapshot.version())));
                }
            }
            write(me, acting, done);
            visitCount += done.size();
        }
        return new Written(routeCount, visitCount);
    }

    private List<DayPlanner.Stop> route(YewuPrincipal me, Acting acting, String name, List<Stop> stops, List<Integer> weekdays,
                                        LocalDate startsOn) {
        RouteInput input = new RouteInput(name, stops.stream().map(s -> new RouteInput.Stop(s.customerId(),
                VisitFrequency.Kind.WEEKLY, weekdays, 1, null, startsOn)).toList(), null);
        RouteView route = acting.as(me, () -> routes.create(me, input));
        // the demo's routes have been the plan since they start, so past weeks' completion reads them (plan history)
        var since = startsOn.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        jdbc.sql("UPDATE visit_route SET created_at = :since WHERE company_id = :c AND id = :r")
                .param("since", since).param("c", me.companyId()).param("r", route.id()).update();
        jdbc.sql("UPDATE visit_route_stop_history SET valid_from = :since WHERE company_id = :c AND route_id = :r")
                .param("since", since).param("c", me.companyId()).param("r", route.id()).update();
        return route.stops().stream().map(s -> new DayPlanner.Stop(route.id(), route.name(), s.position(), s.customerId(), false,
                StopFrequencies.of(new RouteInput.Stop(s.customerId(), s.frequency(), s.weekdays(), s.everyWeeks(),
                        s.monthDay(), s.startsOn()), startsOn))).toList();
    }

    /** Each route customer's location, as its owner confirmed it: near the centre of its city. */
    private Map<Long, CheckInDistancePolicy.Point> locate(YewuPrincipal me, List<Stop> stops, Random rng) {
        Map<Long, CheckInDistancePolicy.Point> located = new LinkedHashMap<>();
        for (Stop s : stops) {
            Centre c = CENTRES.getOrDefault(s.city(), CENTRES.get("广州市"));
            located.put(s.customerId(), new CheckInDistancePolicy.Point(round(c.lat() + (rng.nextDouble() - 0.5) * 0.08),
                    round(c.lng() + (rng.nextDouble() - 0.5) * 0.08)));
        }
        jdbc.sql("""
                INSERT INTO customer_location (company_id, customer_id, lat, lng, source, set_by)
                SELECT :c, l.customer, l.lat, l.lng, 'IMPORT', :u
                FROM unnest(CAST(:customers AS bigint[]), CAST(:lats AS float8[]), CAST(:lngs AS float8[])) AS l(customer, lat, lng)""")
                .param("c", me.companyId()).param("u", me.id())
                .param("customers", located.keySet().toArray(Long[]::new))
                .param("lats", located.values().stream().map(CheckInDistancePolicy.Point::lat).toArray(Double[]::new))
                .param("lngs", located.values().stream().map(CheckInDistancePolicy.Point::lng).toArray(Double[]::new))
                .update();
        return located;
    }

    /** A visit that happened: checked in and out, its distance measured. */
    private record Done(DayPlanner.Stop stop, LocalDate day, OffsetDateTime in, OffsetDateTime out,
                        CheckInDistancePolicy.Point here, int pick, Decision<CheckInDistancePolicy.Verdict> verdict) {}

    /** One person's visits in one statement, with their check-in decisions and audit rows. */
    private void write(YewuPrincipal me, Acting acting, List<Done> done) {
        if (done.isEmpty()) return;
        List<Long> ids = jdbc.sql("""
                INSERT INTO visit (company_id, visitor_id, customer_id, route_id, visit_on, objective, result, preparation,
                    outdoor_ads_ok, pop_ok, racks_ok, greeting, display_notes, next_visit_at, check_in_at, check_in_lat,
                    check_in_lng, check_in_distance_m, check_in_far, check_out_at, check_out_lat, check_out_lng, created_at)
                SELECT :c, :u, v.customer, v.route, CAST(v.day AS date), v.objective, v.result, '带新品样品和价目表', true, true,
                       v.racks, '问候店长，了解本周销售情况', '主推产品在黄金陈列位', CAST(v.check_in AS timestamptz) + interval '7 days',
                       CAST(v.check_in AS timestamptz), v.lat, v.lng, v.distance, v.far, CAST(v.check_out AS timestamptz),
                       v.lat, v.lng, CAST(v.check_in AS timestamptz)
                FROM unnest(CAST(:customers AS bigint[]), CAST(:routes AS bigint[]), CAST(:days AS text[]),
                            CAST(:objectives AS text[]), CAST(:results AS text[]), CAST(:racks AS boolean[]),
                            CAST(:ins AS text[]), CAST(:outs AS text[]), CAST(:lats AS float8[]), CAST(:lngs AS float8[]),
                            CAST(:distances AS int[]), CAST(:fars AS boolean[]))
                     WITH ORDINALITY AS v(customer, route, day, objective, result, racks, check_in, check_out, lat, lng,
                                          distance, far, n)
                ORDER BY v.n RETURNING id""")
                .param("c", me.companyId()).param("u", me.id())
                .param("customers", done.stream().map(d -> d.stop().customerId()).toArray(Long[]::new))
                .param("routes", done.stream().map(d -> d.stop().routeId()).toArray(Long[]::new))
                .param("days", done.stream().map(d -> d.day().toString()).toArray(String[]::new))
                .param("objectives", done.stream().map(d -> OBJECTIVES[d.pick()]).toArray(String[]::new))
                .param("results", done.stream().map(d -> RESULTS[d.pick()]).toArray(String[]::new))
                .param("racks", done.stream().map(d -> d.pick() % 3 != 0).toArray(Boolean[]::new))
                .param("ins", done.stream().map(d -> d.in().toString()).toArray(String[]::new))
                .param("outs", done.stream().map(d -> d.out().toString()).toArray(String[]::new))
                .param("lats", done.stream().map(d -> d.here().lat()).toArray(Double[]::new))
                .param("lngs", done.stream().map(d -> d.here().lng()).toArray(Double[]::new))
                .param("distances", done.stream().map(d -> d.verdict().outcome().distanceMetres()).toArray(Integer[]::new))
                .param("fars", done.stream().map(d -> d.verdict().outcome().far()).toArray(Boolean[]::new))
                .query(Long.class).list();
        Map<String, Decision<?>> verdicts = new LinkedHashMap<>();
        Map<Long, Changes> checkIns = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            var verdict = done.get(i).verdict();
            verdicts.put(String.valueOf(ids.get(i)), verdict);
            checkIns.put(ids.get(i), Changes.of().created("located", true)
                    .created("distanceMetres", verdict.outcome().distanceMetres()).created("far", verdict.outcome().far()));
        }
        decisions.recordAll("visit", "check-in-distance", verdicts);
        acting.as(me, () -> {
            audit.recordAll("visit", "CHECK_IN", checkIns);
            return null;
        });
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000) / 1_000_000.0;
    }
}
