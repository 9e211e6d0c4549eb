package io.yewu.platform;

import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PLT-5: the colleague list applies each role's data scope in SQL. */
class DataScopeIT extends IntegrationTest {

    private List<String> visibleNames(String username) {
        List<String> names = new ArrayList<>();
        login(username).get("/api/users?size=200").json().path("items").forEach(n -> names.add(n.path("displayName").asString()));
        return names;
    }

    @Test
    void PLT5_salespersonSeesOnlyThemself() {
        assertThat(visibleNames("sales1")).containsExactly("张伟");
    }

    @Test
    void PLT5_managerSeesTheDepartmentTreeButNotOtherDepartments() {
        List<String> names = visibleNames("manager");
        assertThat(names).contains("李经理", "张伟", "刘洋", "陈静", "杨帆", "赵敏");
        assertThat(names).doesNotContain("孙会计", "钱小红", "王总");
    }

    @Test
    void PLT5_generalManagerSeesAll() {
        assertThat(visibleNames("gm")).contains("孙会计", "钱小红", "张伟").hasSizeGreaterThan(20);
    }
}
