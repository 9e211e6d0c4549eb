package io.yewu.customer.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the demo company's customer book holds, as a pure function of its size: names, cities, contacts, owners,
 * stages and follow-up history, with every date given as days before "today" so the writer
 * ({@link CustomerDemoData}) can place the book around the day of the first start. One fixed seed: the same size
 * always gives the same book. Every customer is a {@link CustomerInput} that passes {@link CustomerValidation} and
 * has keys ({@link CustomerKeys}) no other planned customer shares.
 */
final class DemoCustomerPlan {

    static final long SEED = 20_260_101L;

    /** Where a planned customer stands when the generation is done. */
    enum Kind {
        /** an online lead waiting in the pool for the manager (CUS-5) */
        POOL,
        /** an online lead the manager distributes on the day of the first start (CUS-10) */
        DISTRIBUTED_TODAY,
        /** an online lead distributed ten days ago and not yet contacted (CUS-12 overdue) */
        FIRST_CONTACT_OVERDUE,
        INTENTION, FIRST_ORDER, ACTIVE, DORMANT, CLOSED;

        boolean online() {
            return this == POOL || this == DISTRIBUTED_TODAY || this == FIRST_CONTACT_OVERDUE;
        }
    }

    /**
     * A follow-up {@code daysAgo} days before today at {@code hour:minute} (Beijing time); {@code nextInDays} is the
     * next follow-up date relative to today (0 = due today, negative = overdue, null = none).
     */
    record FollowUp(String kind, int daysAgo, int hour, int minute, String content, String nextStep, Integer nextInDays) {}

    /**
     * @param filer          username of who files it: a salesperson (their own customer) or the promoter (a lead)
     * @param createdDaysAgo when the file was made (and the stage's intention date for customers)
     * @param lastOrderDaysAgo days since the last order, for customers that have ordered
     */
    record Customer(int no, String filer, Kind kind, CustomerInput input, int createdDaysAgo, Integer lastOrderDaysAgo,
                    List<FollowUp> followUps) {}

    static final List<String> SALESPEOPLE = List.of("sales1", "sales2", "sales3", "sales4");
    static final String PROMOTER = "promoter";
    static final List<String> CATEGORIES = List.of("饮料", "食品", "酒水", "乳制品", "日化", "烟草");

    private record City(String name, String areaCode, String region, int weight, List<String> districts) {}

    private static final List<City> CITIES = List.of(
            new City("广州市", "020", "440100", 30, List.of("天河区", "越秀区", "海珠区", "白云区", "番禺区", "荔湾区")),
            new City("佛山市", "0757", "440600", 20, List.of("禅城区", "南海区", "顺德区")),
            new City("深圳市", "0755", "440300", 20, List.of("福田区", "南山区", "罗湖区", "宝安区", "龙岗区")),
            new City("东莞市", "0769", "441900", 10, List.of("南城街道", "东城街道", "长安镇", "虎门镇")),
            new City("中山市", "0760", "442000", 6, List.of("石岐街道", "东区街道", "小榄镇")),
            new City("珠海市", "0756", "440400", 5, List.of("香洲区", "金湾区")),
            new City("惠州市", "0752", "441300", 5, List.of("惠城区", "惠阳区")),
            new City("江门市", "0750", "440700", 4, List.of("蓬江区", "江海区")));

    private static final String[] BRANDS = {"恒达", "宏发", "金利", "鑫源", "永盛", "华美", "万家", "佳乐", "顺发", "富康",
            "天和", "利民", "百福", "汇通", "嘉禾", "新城", "东方", "南粤", "岭南", "珠江", "丰泽", "荣华", "鸿运", "润丰",
            "瑞祥", "德信", "和兴", "同福", "广源", "康宁", "益佳", "乐购", "家和", "聚福", "兴隆", "福满", "千禧", "海纳",
            "盛世", "美宜", "好邻", "喜洋", "永辉", "泰和", "安宁", "惠民", "金穗", "禾丰", "万顺", "新亚"};

    /** Business format (业态) with name patterns: {c} city without 市, {b} brand, {d} district. */
    private record Format(String name, boolean company, String... patterns) {}

    private static final List<Format> FORMATS = List.of(
            new Format("超市", true, "{c}{b}超市有限公司", "{c}{b}购物广场有限公司", "{b}生活超市（{d}店）"),
            new Format("便利店", false, "{b}便利店（{d}）", "{c}{b}便利连锁有限公司", "{d}{b}便利店"),
            new Format("餐饮", true, "{c}{b}餐饮管理有限公司", "{b}酒家（{d}）", "{c}{b}茶餐厅有限公司"),
            new Format("批发", true, "{c}{b}商贸有限公司", "{c}{b}食品批发有限公司", "{c}{b}贸易有限公司"),
            new Format("酒店", true, "{c}{b}大酒店有限公司", "{c}{b}酒店管理有限公司"),
            new Format("烟酒店", false, "{d}{b}烟酒商行", "{b}名烟名酒（{d}）"),
            new Format("食杂店", false, "{d}{b}食杂店", "{d}{b}士多店"));

    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "刘", "林", "王", "吴", "何", "罗", "郑", "谢",
            "冯", "邓", "曾", "彭", "许", "蔡", "苏"};
    private static final String[] GIVEN = {"志强", "伟明", "丽华", "建国", "美玲", "俊杰", "晓燕", "国华", "淑芬", "家豪",
            "嘉欣", "永康", "文辉", "秀英", "锦荣", "婉婷", "海涛", "少华", "慧敏", "振宇", "玉兰", "耀祖", "雪梅", "宏伟"};
    private static final String[] ROADS = {"中山路", "人民路", "建设路", "解放路", "环市路", "新港路", "工业大道", "滨江路",
            "文化路", "青年路", "东风路", "花园路"};
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
            "151", "152", "155", "156", "157", "158", "159", "176", "177", "180", "182", "185", "186", "187", "188", "189", "199"};
    private static final String[] LEAD_NOTES = {"阿里巴巴询盘，想了解饮料批发价", "官网留言：求购新品，要求报价", "广交会展位留下名片",
            "抖音私信咨询代理政策", "百度推广表单：想做区域经销", "微信公众号咨询进货渠道"};
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private record Talk(String kind, String content, String nextStep) {}

    private static final List<Talk> TALKS = List.of(
            new Talk("PHONE", "电话沟通新品上市计划，客户有兴趣试销", "寄送样品"),
            new Talk("PHONE", "电话确认下周订货品种和数量", "确认订单"),
            new Talk("PHONE", "询问上月促销效果，客户反馈动销良好", "回访促销效果"),
            new Talk("PHONE", "客户反映配送时间偏晚，已协调物流提前", "回访配送情况"),
            new Talk("VISIT", "上门拜访，查看陈列与库存，补充价签", "安排补货"),
            new Talk("VISIT", "拜访店长，沟通端架陈列和堆头费用", "报价"),
            new Talk("VISIT", "拜访采购经理，介绍年度返利政策", "签订年度协议"),
            new Talk("MESSAGE", "微信发送新品价目表和促销方案", "电话跟进意向"),
            new Talk("MESSAGE", "微信确认上月对账单，客户无异议", "催收货款"),
            new Talk("MEETING", "与老板面谈合作，客户要求先小批量试单", "安排试单"));

    private DemoCustomerPlan() {}

    /** The book for {@code size} customers and leads: the same size always gives the same book. */
    static List<Customer> of(int size) {
        Random rng = new Random(SEED);
        Set<String> taken = new HashSet<>(); // every identity key handed out so far, as kind:value
        List<Kind> kinds = kinds(size);
        List<Customer> plan = new ArrayList<>(size);
        for (int i = 0; i < kinds.size(); i++) {
            Kind kind = kinds.get(i);
            String filer = kind.online() ? PROMOTER : salesperson(rng);
            CustomerInput input = input(rng, i + 1, kind, taken);
            int created = switch (kind) {
                case POOL -> 1 + rng.nextInt(10);
                case DISTRIBUTED_TODAY -> 1 + rng.nextInt(3);
                case FIRST_CONTACT_OVERDUE -> 12;
                case INTENTION -> rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(90);
                case FIRST_ORDER -> 30 + rng.nextInt(60);
                case ACTIVE -> 90 + rng.nextInt(400);
                case DORMANT -> 260 + rng.nextInt(300);
                case CLOSED -> 120 + rng.nextInt(300);
            };
            Integer lastOrder = switch (kind) {
                case FIRST_ORDER -> 2 + rng.nextInt(25);
                case ACTIVE -> 1 + rng.nextInt(60);
                case DORMANT -> 185 + rng.nextInt(created - 215);
                default -> null;
            };
            plan.add(new Customer(i + 1, filer, kind, input, created, lastOrder, followUps(rng, kind, created)));
        }
        return List.copyOf(plan);
    }

    /** Kinds in a fixed mix, interleaved so every salesperson gets every stage. */
    static List<Kind> kinds(int size) {
        int pool = Math.min(15, Math.max(size / 20, size > 0 ? 1 : 0));
        int today = size / 30;
        int overdue = size / 75;
        int closed = size / 60;
        int dormant = size / 12;
        int firstOrder = size / 10;
        int active = size / 4;
        int intention = Math.max(0, size - pool - today - overdue - closed - dormant - firstOrder - active);
        List<Kind> kinds = new ArrayList<>(size);
        add(kinds, Kind.POOL, pool);
        add(kinds, Kind.DISTRIBUTED_TODAY, today);
        add(kinds, Kind.FIRST_CONTACT_OVERDUE, overdue);
        int[] left = {intention, firstOrder, active, dormant, closed};
        Kind[] owned = {Kind.INTENTION, Kind.FIRST_ORDER, Kind.ACTIVE, Kind.DORMANT, Kind.CLOSED};
        while (kinds.size() < size) {
            for (int k = 0; k < owned.length; k++) {
                if (left[k] > 0) {
                    kinds.add(owned[k]);
                    left[k]--;
                }
            }
        }
        return kinds.subList(0, size);
    }

    private static void add(List<Kind> kinds, Kind kind, int n) {
        for (int i = 0; i < n; i++) kinds.add(kind);
    }

    /** sales1 and sales3 carry a somewhat larger book than sales2 and sales4. */
    private static String salesperson(Random rng) {
        int r = rng.nextInt(10);
        return SALESPEOPLE.get(r < 3 ? 0 : r < 5 ? 1 : r < 8 ? 2 : 3);
    }

    private static CustomerInput input(Random rng, int no, Kind kind, Set<String> taken) {
        City city = weighted(rng);
        String district = pick(rng, city.districts());
        Format format = pick(rng, FORMATS);
        String name;
        do {
            name = pick(rng, List.of(format.patterns()))
                    .replace("{c}", city.name().substring(0, city.name().length() - 1))
                    .replace("{b}", BRANDS[rng.nextInt(BRANDS.length)]).replace("{d}", district);
        } while (!taken.add("NAME:" + CustomerKeys.name(name)));
        String creditCode = null;
        if (format.company() && rng.nextInt(10) < 7) {
            do creditCode = creditCode(rng, city.region()); while (!taken.add("CREDIT_CODE:" + creditCode));
        }
        String address = city.name() + district + ROADS[rng.nextInt(ROADS.length)] + (1 + rng.nextInt(388)) + "号";
        List<CustomerInput.Contact> contacts = new ArrayList<>();
        String position = switch (format.name()) {
            case "超市", "批发" -> pick(rng, List.of("采购经理", "总经理", "采购主管"));
            case "餐饮", "酒店" -> pick(rng, List.of("采购经理", "店长", "行政总厨"));
            default -> "老板";
        };
        contacts.add(new CustomerInput.Contact(person(rng), mobile(rng, taken),
                rng.nextInt(7) == 0 ? "kh" + String.format("%03d", no) + "@163.com" : null, position));
        if (!kind.online() && rng.nextInt(10) < 3) {
            contacts.add(new CustomerInput.Contact(person(rng),
                    format.company() ? landline(rng, city, taken) : mobile(rng, taken), null, pick(rng, List.of("财务", "店长", "仓管"))));
        }
        String category = CATEGORIES.get(rng.nextInt(CATEGORIES.size()));
        boolean keyAccount = format.name().equals("超市") && format.company() && rng.nextInt(5) == 0;
        List<String> tags = new ArrayList<>();
        if (keyAccount) tags.add("KA");
        if (rng.nextInt(6) == 0) tags.add(pick(rng, List.of("连锁", "新店", "重点培养", "节日大单")));
        String notes = kind.online() ? LEAD_NOTES[rng.nextInt(LEAD_NOTES.length)]
                : rng.nextInt(4) == 0 ? "主营" + category + "，月进货约" + (2 + rng.nextInt(18)) + "万元" : null;
        String customerClass = kind.online() ? null : pick(rng, List.of("A类", "B类", "B类", "C类", "C类"));
        return new CustomerInput(name, creditCode, city.name(), address, format.name(), customerClass, keyAccount, null,
                category, notes, tags, contacts);
    }

    private static List<FollowUp> followUps(Random rng, Kind kind, int createdDaysAgo) {
        List<FollowUp> list = new ArrayList<>();
        if (kind.online() || createdDaysAgo == 0) return list;
        if (kind == Kind.CLOSED) {
            list.add(new FollowUp("VISIT", 30 + rng.nextInt(60), 10, rng.nextInt(60), "上门发现门店已停业转让，关闭档案", "", null));
            return list;
        }
        int newest = kind == Kind.DORMANT ? 14 : 1;
        int oldest = Math.min(createdDaysAgo, kind == Kind.DORMANT ? 60 : 42);
        if (oldest < newest) return list;
        int n = 1 + rng.nextInt(Math.min(4, oldest - newest + 1));
        List<Integer> days = new ArrayList<>();
        while (days.size() < n) {
            int d = newest + rng.nextInt(oldest - newest + 1);
            if (!days.contains(d)) days.add(d);
        }
        days.sort((a, b) -> b - a); // oldest first
        for (int i = 0; i < n; i++) {
            Talk talk = TALKS.get(rng.nextInt(TALKS.size()));
            int day = days.get(i);
            Integer next;
            if (i < n - 1) {
                next = -days.get(i + 1); // the follow-up that came next was the one planned
            } else {
                int r = rng.nextInt(100);
                if (kind == Kind.DORMANT) next = r < 30 ? -Math.min(day, 1 + rng.nextInt(7)) : null;
                else if (r < 13) next = 0;
                else if (r < 25) next = -Math.min(day, 1 + rng.nextInt(7));
                else if (r < 85) next = 1 + rng.nextInt(14);
                else next = null;
            }
            list.add(new FollowUp(talk.kind(), day, 9 + rng.nextInt(9), rng.nextInt(60), talk.content(),
                    next == null ? "" : talk.nextStep(), next));
        }
        return list;
    }

    private static City weighted(Random rng) {
        int total = CITIES.stream().mapToInt(City::weight).sum();
        int r = rng.nextInt(total);
        for (City c : CITIES) {
            if (r < c.weight()) return c;
            r -= c.weight();
        }
        throw new IllegalStateException();
    }

    private static String person(Random rng) {
        return SURNAMES[rng.nextInt(SURNAMES.length)] + GIVEN[rng.nextInt(GIVEN.length)];
    }

    private static String mobile(Random rng, Set<String> taken) {
        String phone;
        do {
            phone = MOBILE_PREFIXES[rng.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", rng.nextInt(100_000_000));
        } while (!taken.add("PHONE:" + phone));
        return phone;
    }

    private static String landline(Random rng, City city, Set<String> taken) {
        String phone;
        do {
            phone = city.areaCode() + "-" + (8 - rng.nextInt(2) * 5) + String.format("%07d", rng.nextInt(10_000_000));
        } while (!taken.add("PHONE:" + phone.replace("-", "")));
        return phone;
    }

    /** A unified social credit code (GB 32100-2015) of an enterprise (91) in the city, with its check character. */
    static String creditCode(Random rng, String region) {
        StringBuilder code = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) code.append(CODE_CHARS.charAt(rng.nextInt(i < 8 ? 10 : CODE_CHARS.length())));
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += CODE_CHARS.indexOf(code.charAt(i)) * CODE_WEIGHTS[i];
        return code.append(CODE_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    private static <T> T pick(Random rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }
}
