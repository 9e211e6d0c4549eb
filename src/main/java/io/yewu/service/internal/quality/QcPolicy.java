package io.yewu.service.internal.quality;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.settings.SettingsSnapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static io.yewu.platform.decision.RuleHit.hit;

/** QC-1 … QC-3 as plain rules: the reproducible monthly sample, the scoring form, the weekly training proposal. */
public final class QcPolicy {

    /** One item of the form and its maximum points. */
    public record Item(String code, int max) {}

    public record Form(List<Item> items, long settingsVersion) {
        public int maxTotal() { return items.stream().mapToInt(Item::max).sum(); }
    }

    /** A problem with a submitted score: the item and the message code (qc-item-unknown / -range / -missing). */
    public record ScoreProblem(String item, String code, Object arg) {}

    public record Scored(Map<String, Integer> scores, int total, int maxTotal, List<ScoreProblem> problems) {}

    /** One agent's average rate on one item over the week (0–1). */
    public record ItemRate(long agentId, String item, BigDecimal rate) {}

    public record Training(String item, BigDecimal teamRate, String scope, List<Long> agents) {}

    private static final String DEFAULT_FORM = QcSettings.FORM.defaultValue();

    /** QC-2: the form in force; an unreadable setting falls back to the default form (and says so). */
    public Decision<Form> form(SettingsSnapshot settings) {
        String text = settings.get(QcSettings.FORM);
        List<Item> items = parse(text);
        boolean fallback = items == null;
        if (fallback) items = parse(DEFAULT_FORM);
        Form form = new Form(items, settings.version());
        return Decision.of(form, settings.version(), hit("QC-2", fallback ? "评分表设置无法读取，使用默认评分表。" : "质检评分表：" + text,
                fallback ? "The form setting is unreadable; the default form applies." : "QC form: " + text,
                "form", fallback ? DEFAULT_FORM : text, "maxTotal", form.maxTotal()));
    }

    static List<Item> parse(String text) {
        if (text == null || text.isBlank()) return null;
        List<Item> items = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String part : text.split(",")) {
            String[] kv = part.strip().split(":");
            if (kv.length != 2) return null;
            String code = kv[0].strip();
            int max;
            try {
                max = Integer.parseInt(kv[1].strip());
            } catch (NumberFormatException e) {
                return null;
            }
            if (code.isEmpty() || max <= 0 || max > 100 || !seen.add(code)) return null;
            items.add(new Item(code, max));
        }
        return List.copyOf(items);
    }

    /**
     * QC-1: the proposed sample of an agent's tickets of the month: a shuffle seeded by company, month and agent of
     * the tickets in id order, the first {@code n} (all when fewer). The same inputs always propose the same sample.
     */
    public Decision<List<Long>> sample(long companyId, YearMonth month, long agentId, List<Long> ticketIds, SettingsSnapshot settings) {
        int n = settings.get(QcSettings.SAMPLES_PER_AGENT).intValue();
        long seed = seed(companyId, month, agentId);
        List<Long> pool = new ArrayList<>(new TreeSet<>(ticketIds));
        Collections.shuffle(pool, new Random(seed));
        List<Long> chosen = List.copyOf(pool.subList(0, Math.min(n, pool.size())));
        return Decision.of(chosen, settings.version(), hit("QC-1",
                "每月随机抽检至少 " + n + " 张工单（当月共 " + ticketIds.size() + " 张，种子按公司、月份、客服代表确定）。",
                "A random sample of at least " + n + " tickets a month (" + ticketIds.size() + " this month; seeded by company, month and agent).",
                "month", month, "agentId", agentId, "perAgent", n, "tickets", ticketIds.size(), "seed", seed, "chosen", chosen));
    }

    public static long seed(long companyId, YearMonth month, long agentId) {
        long h = 1125899906842597L;
        for (long v : new long[] {companyId, month.getYear(), month.getMonthValue(), agentId}) h = 31 * h + v;
        return h;
    }

    /** QC-2: checks a score sheet against the form: every item once, whole points 0 … max, nothing outside the form. */
    public Decision<Scored> score(Form form, Map<String, Integer> scores) {
        Map<String, Integer> given = scores == null ? Map.of() : scores;
        List<ScoreProblem> problems = new ArrayList<>();
        Map<String, Integer> max = new LinkedHashMap<>();
        form.items().forEach(i -> max.put(i.code(), i.max()));
        for (var e : given.entrySet()) {
            if (!max.containsKey(e.getKey())) problems.add(new ScoreProblem(e.getKey(), "qc-item-unknown", e.getKey()));
            else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > max.get(e.getKey()))
                problems.add(new ScoreProblem(e.getKey(), "qc-item-range", max.get(e.getKey())));
        }
        for (Item i : form.items()) if (!given.containsKey(i.code())) problems.add(new ScoreProblem(i.code(), "qc-item-missing", i.code()));
        int total = problems.isEmpty() ? given.values().stream().mapToInt(Integer::intValue).sum() : 0;
        Map<String, Integer> ordered = new LinkedHashMap<>();
        form.items().forEach(i -> { if (given.get(i.code()) != null) ordered.put(i.code(), given.get(i.code())); });
        return Decision.of(new Scored(ordered, total, form.maxTotal(), List.copyOf(problems)), form.settingsVersion(),
                hit("QC-2", problems.isEmpty() ? "按评分表评分，合计 " + total + " / " + form.maxTotal() + "。" : "评分不符合评分表。",
                        problems.isEmpty() ? "Scored on the form: " + total + " / " + form.maxTotal() + "." : "The scores do not fit the form.",
                        "total", total, "maxTotal", form.maxTotal(), "problems", problems.size()));
    }

    /**
     * QC-3: the week's common issues are the items with the lowest average rate; an item under the threshold
     * proposes training for the whole team when at least half the inspected agents are under it, else for those agents.
     */
    public Decision<List<Training>> training(List<ItemRate> rates, SettingsSnapshot settings) {
        BigDecimal threshold = BigDecimal.valueOf(settings.get(QcSettings.TRAINING_THRESHOLD)).movePointLeft(2);
        Map<String, List<ItemRate>> byItem = new LinkedHashMap<>();
        rates.forEach(r -> byItem.computeIfAbsent(r.item(), k -> new ArrayList<>()).add(r));
        List<Training> plan = new ArrayList<>();
        for (var e : byItem.entrySet()) {
            BigDecimal avg = e.getValue().stream().map(ItemRate::rate).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(e.getValue().size()), 4, RoundingMode.HALF_UP);
            List<Long> below = e.getValue().stream().filter(r -> r.rate().compareTo(threshold) < 0).map(ItemRate::agentId).sorted().toList();
            if (below.isEmpty()) continue;
            boolean team = below.size() * 2 >= e.getValue().size();
            plan.add(new Training(e.getKey(), avg, team ? "TEAM" : "INDIVIDUAL", team ? List.of() : below));
        }
        plan.sort(Comparator.comparing(Training::teamRate).thenComparing(Training::item));
        return Decision.of(List.copyOf(plan), settings.version(), hit("QC-3",
                "得分率低于 " + threshold.movePointRight(2).stripTrailingZeros().toPlainString() + "% 的评分项建议培训；半数以上客服代表低于该值时全员培训。",
                "Items scoring below " + threshold.movePointRight(2).stripTrailingZeros().toPlainString() + " % propose training; the whole team when half the agents or more are below.",
                "threshold", threshold, "items", byItem.size(), "proposals", plan.size()));
    }
}
