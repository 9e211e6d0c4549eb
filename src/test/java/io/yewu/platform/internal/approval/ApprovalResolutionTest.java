package io.yewu.platform.internal.approval;

import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalResolutionTest {

    // sales 4 -> manager 3 -> gm 2; finance holders 5 and 6
    private static final Map<Long, Long> MANAGER = Map.of(4L, 3L, 3L, 2L, 5L, 2L, 6L, 2L);
    private static final Map<RoleCode, List<Long>> HOLDERS = Map.of(RoleCode.GENERAL_MANAGER, List.of(2L),
            RoleCode.FINANCE, List.of(5L, 6L));

    private final ApproverResolution resolution = new ApproverResolution(new UserDirectory() {
        public Optional<UserRef> find(long id) { return Optional.of(new UserRef(id, "u" + id, 1, "d", id != 9)); }
        public Optional<Long> managerOf(long id) { return Optional.ofNullable(MANAGER.get(id)); }
        public List<Long> withRole(RoleCode role, Long dept) { return HOLDERS.getOrDefault(role, List.of()); }
    });

    @Test
    void PLT3_businessManagerIsTheApplicantsManagerAndOtherRolesTheirHolder() {
        assertThat(resolution.resolve(4, List.of(StepSpec.role(RoleCode.BUSINESS_MANAGER),
                StepSpec.role(RoleCode.GENERAL_MANAGER)))).containsExactly(3L, 2L);
    }

    @Test
    void PLT3_aStepThatLandsOnTheApplicantGoesOneLevelUp() {
        assertThat(resolution.resolve(3, StepSpec.role(RoleCode.BUSINESS_MANAGER))).isEqualTo(2L);
        assertThat(resolution.resolve(5, StepSpec.role(RoleCode.FINANCE))).isEqualTo(6L);
        assertThat(resolution.resolve(4, StepSpec.user(4))).isEqualTo(3L);
    }

    @Test
    void PLT3_nobodyToDecideIsRefused() {
        assertThatThrownBy(() -> resolution.resolve(2, StepSpec.role(RoleCode.GENERAL_MANAGER)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("approval-no-approver"));
        assertThatThrownBy(() -> resolution.resolve(4, StepSpec.role(RoleCode.CASHIER))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> resolution.resolve(4, StepSpec.user(9))).isInstanceOf(ProblemException.class);
    }
}
