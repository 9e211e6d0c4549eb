package io.yewu.customer.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CUS-10 fair distribution of online leads (网络客户信息分配): eligible salespeople ranked by (1) knowledge of the
 * lead's product category, (2) fewest leads received this month, (3) fewest open unconverted leads, then
 * round-robin — whoever was assigned least recently; people never assigned are ordered by a hash of person and
 * lead, never by the order their accounts were created (the Odoo failure). Inactive or absent people are not
 * eligible. Pure: the caller supplies the candidates' counts.
 */
public final class LeadRanking {

    public record Lead(long id, String productCategory) {}

    public record Candidate(long userId, String name, Set<String> skills, boolean active, boolean absent,
                            int receivedThisMonth, int openLeads, Instant lastAssignedAt) {

        boolean knows(String category) {
            return category != null && !category.isBlank() && skills.contains(category);
        }

        Candidate afterAssignment(Instant at) {
            return new Candidate(userId, name, skills, active, absent, receivedThisMonth + 1, openLeads + 1, at);
        }
    }

    public record Ranked(long userId, String name, int rank, List<RuleHit> reasons) {}

    /** The ranking for one lead; the outcome lists eligible people best first. */
    public Decision<List<Ranked>> rank(Lead lead, List<Candidate> candidates, long settingsVersion) {
        List<Candidate> eligible = candidates.stream().filter(c -> c.active() && !c.absent())
                .sorted(order(lead)).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            ranked.add(new Ranked(eligible.get(i).userId(), eligible.get(i).name(), i + 1, reasons(lead, eligible.get(i))));
        }
        List<RuleHit> hits = new ArrayList<>();
        int excluded = candidates.size() - eligible.size();
        if (excluded > 0) {
            hits.add(new RuleHit("CUS-10", "停用或缺勤人员不参与分配", "Inactive or absent people are not eligible",
                    Map.of("excluded", excluded)));
        }
        if (!ranked.isEmpty()) hits.addAll(ranked.getFirst().reasons());
        return new Decision<>(List.copyOf(ranked), hits, settingsVersion);
    }

    /**
     * Distributes several leads in order, counting each assignment before ranking the next, so a batch is spread
     * as fairly as leads arriving one by one. Leads with no eligible salesperson get no entry.
     */
    public Map<Long, Decision<Long>> distribute(List<Lead> leads, List<Candidate> candidates, Instant now, long settingsVersion) {
        List<Candidate> pool = new ArrayList<>(candidates);
        Map<Long, Decision<Long>> result = new java.util.LinkedHashMap<>();
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            Decision<List<Ranked>> ranking = rank(lead, pool, settingsVersion);
            if (ranking.outcome().isEmpty()) continue;
            long chosen = ranking.outcome().getFirst().userId();
            result.put(lead.id(), ranking.withOutcome(chosen));
            Instant at = now.plusNanos(i); // later leads of the batch count as assigned later
            pool.replaceAll(c -> c.userId() == chosen ? c.afterAssignment(at) : c);
        }
        return result;
    }

    private static Comparator<Candidate> order(Lead lead) {
        return Comparator.comparing((Candidate c) -> !c.knows(lead.productCategory()))
                .thenComparingInt(Candidate::receivedThisMonth)
                .thenComparingInt(Candidate::openLeads)
                .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(c -> scramble(c.userId(), lead.id()));
    }

    /** SplitMix64's finaliser: a tie order that changes from lead to lead and ignores account age. */
    private static long scramble(long userId, long leadId) {
        long z = userId * 0x9E3779B97F4A7C15L + leadId;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static List<RuleHit> reasons(Lead lead, Candidate c) {
        return List.of(
                new RuleHit("CUS-10", c.knows(lead.productCategory()) ? "熟悉该产品类别" : "不熟悉该产品类别",
                        c.knows(lead.productCategory()) ? "Knows the product category" : "Does not know the product category",
                        Map.of("productCategory", lead.productCategory() == null ? "" : lead.productCategory(),
                                "skills", List.copyOf(c.skills()))),
                new RuleHit("CUS-10", "本月已分配线索数（平等）", "Leads received this month (equality)",
                        Map.of("receivedThisMonth", c.receivedThisMonth())),
                new RuleHit("CUS-10", "未转化的在跟线索数（公平）", "Open unconverted leads (fairness)",
                        Map.of("openLeads", c.openLeads())),
                new RuleHit("CUS-10", "轮流：最久未分配者优先", "Round-robin: least recently assigned first",
                        Map.of("lastAssignedAt", c.lastAssignedAt() == null ? "—" : c.lastAssignedAt().toString())));
    }
}
