package io.yewu.platform.internal.identity;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * Administrator's user management (ADMIN role, declared by @Allow), inside the
 * administrator's company only (another company's user is 404). Only a group administrator grants GROUP_ADMIN.
 * Deactivating, moving, re-roling a user or resetting their password logs them out everywhere.
 */
@RestController
@RequestMapping("/api/admin/users")
@Allow(RoleCode.ADMIN)
class UserAdminController {

    record NewUser(@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.@-]+") String username,
                   @NotBlank @Size(max = 50) String displayName,
                   @NotNull Long departmentId,
                   @NotEmpty Set<String> roles,
                   @NotBlank String password,
                   @Size(max = 30) String phone,
                   @Email @Size(max = 100) String email) {}

    record UserChange(@NotBlank @Size(max = 50) String displayName,
                      @NotNull Long departmentId,
                      @NotEmpty Set<String> roles,
                      boolean active,
                      @Size(max = 30) String phone,
                      @Email @Size(max = 100) String email,
                      long version) {}

    record PasswordReset(@NotBlank String newPassword) {}

    private final UserAdmin users;

    UserAdminController(UserAdmin users) {
        this.users = users;
    }

    @GetMapping
    Page<UserAdmin.UserRow> list(UserAdmin.Filter filter, PageQuery page) {
        return users.list(CurrentUser.get(), filter, page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(UserAdmin.Filter filter, Locale locale) {
        var me = CurrentUser.get();
        Map<String, ExcelExport.Words> roles = users.roleWords(me.companyId());
        List<ExcelExport.Column<UserAdmin.UserRow>> columns = List.of(
                new ExcelExport.Column<>("登录名", "Username", UserAdmin.UserRow::username),
                new ExcelExport.Column<>("姓名", "Name", UserAdmin.UserRow::displayName),
                new ExcelExport.Column<>("部门", "Department", UserAdmin.UserRow::departmentName),
                new ExcelExport.Column<>("角色", "Roles", r -> new ExcelExport.Words(
                        r.roles().stream().map(c -> roles.getOrDefault(c, new ExcelExport.Words(c, c)).zh()).collect(Collectors.joining("、")),
                        r.roles().stream().map(c -> roles.getOrDefault(c, new ExcelExport.Words(c, c)).en()).collect(Collectors.joining(", ")))),
                new ExcelExport.Column<>("电话", "Phone", UserAdmin.UserRow::phone),
                new ExcelExport.Column<>("邮箱", "E-mail", UserAdmin.UserRow::email),
                new ExcelExport.Column<>("启用", "Active", UserAdmin.UserRow::active));
        return ExcelExport.response("users", locale, columns, sink -> users.export(me, filter, sink));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserAdmin.UserRow create(@Valid @RequestBody NewUser body) {
        return users.create(CurrentUser.get(), body);
    }

    @PutMapping("/{id}")
    UserAdmin.UserRow update(@PathVariable long id, @Valid @RequestBody UserChange body) {
        return users.update(CurrentUser.get(), id, body);
    }

    @PostMapping("/{id}/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset body) {
        users.resetPassword(CurrentUser.get(), id, body.newPassword());
    }
}
