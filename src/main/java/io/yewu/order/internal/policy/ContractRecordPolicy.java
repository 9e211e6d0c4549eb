package io.yewu.order.internal.policy;

import io.yewu.platform.decision.Decision;

import java.util.List;
import java.util.Optional;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-9: a contract's records — signing, execution, change, supplement (签订、执行、变更、补充) — each a new version
 * with its file. Signing comes first and once; nothing is recorded without the file.
 */
public final class ContractRecordPolicy {

    public enum Kind { SIGNING, EXECUTION, CHANGE, SUPPLEMENT }

    /** @return the version the new record gets, empty when it may not be recorded */
    public Decision<Optional<Integer>> nextVersion(List<Kind> existing, Kind kind, boolean fileAttached, OrderRules rules) {
        long v = rules.settingsVersion();
        if (!fileAttached) {
            return Decision.of(Optional.empty(), v, hit("ORD-9", "合同记录须附文件", "A contract record needs its file", "kind", kind));
        }
        if (existing.isEmpty() && kind != Kind.SIGNING) {
            return Decision.of(Optional.empty(), v, hit("ORD-9", "合同须先有签订记录", "A contract starts with its signing record", "kind", kind));
        }
        if (!existing.isEmpty() && kind == Kind.SIGNING) {
            return Decision.of(Optional.empty(), v, hit("ORD-9", "合同已签订，请记录变更或补充", "The contract is already signed: record a change or supplement",
                    "kind", kind, "versions", existing.size()));
        }
        int version = existing.size() + 1;
        return Decision.of(Optional.of(version), v, hit("ORD-9", "合同记录成为新版本，附文件保存", "The record becomes a new version with its file",
                "kind", kind, "version", version));
    }
}
