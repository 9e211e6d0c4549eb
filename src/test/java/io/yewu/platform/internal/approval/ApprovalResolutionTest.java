package io.yewu.platform.internal.approval;

import io.yewu.platform.approval.StepSpec;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    private static StepSpec step(String text) {
        if (text.startsWith("managerOf:")) return StepSpec.managerOf(Long.parseLong(text.substring(10)));
        if (text.startsWith("user:")) return StepSpec.user(Long.parseLong(text.substring(5)));
        return StepSpec.role(RoleCode.valueOf(text));
    }

    @ParameterizedTest(name = "PLT-3: applicant {0}, steps {1} -> approvers {2}")
    @CsvSource(delimiter = ';', value = {
            "4; BUSINESS_MANAGER GENERAL_MANAGER; 3 2",
            // the manager's own request: their step goes up to the general manager, whose later step covers it
            "3; BUSINESS_MANAGER GENERAL_MANAGER; 2",
            "3; BUSINESS_MANAGER GENERAL_MANAGER FINANCE; 2 5",
            // nobody decides two steps: the second business-manager step goes up the line
            "4; BUSINESS_MANAGER BUSINESS_MANAGER; 3 2",
            "4; FINANCE FINANCE; 5 6",
            "4; FINANCE FINANCE FINANCE; 5 6 2",
            // the business-manager step for another user (the customer's owner) is that user's manager
            "5; managerOf:4 FINANCE; 3 6",
            // ... and goes up when that manager is the applicant
            "3; managerOf:4 FINANCE; 2 5",
            "4; managerOf:4; 3",
    })
    void PLT3_noOneDecidesTwoStepsOrTheirOwnRequest(long applicant, String steps, String expected) {
        var specs = java.util.Arrays.stream(steps.split(" ")).map(ApprovalResolutionTest::step).toList();
        var approvers = java.util.Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
        List<Long> resolved = resolution.resolve(applicant, specs);
        assertThat(resolved).containsExactlyElementsOf(approvers);
        assertThat(resolved).doesNotHaveDuplicates().doesNotContain(applicant);
    }

    @ParameterizedTest(name = "PLT-3: applicant {0}, steps {1}: nobody else is left, the chain cannot start")
    @CsvSource(delimiter = ';', value = {
            "2; GENERAL_MANAGER",
            "4; GENERAL_MANAGER GENERAL_MANAGER",
            "4; BUSINESS_MANAGER BUSINESS_MANAGER BUSINESS_MANAGER",
    })
    void PLT3_aChainWithNobodyLeftForAStepIsRefused(long applicant, String steps) {
        var specs = java.util.Arrays.stream(steps.split(" ")).map(ApprovalResolutionTest::step).toList();
        assertThatThrownBy(() -> resolution.resolve(applicant, specs))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("approval-no-approver"));
    }
}
