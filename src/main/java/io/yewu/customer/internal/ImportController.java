package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.Allow;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportResult;
import io.yewu.platform.web.ProblemException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Customer and lead files (PLT-10): the answer lists every rejected row with its column and reason. */
@RestController
class ImportController {

    record Error(int row, String column, String message) {}

    record Answer(int rows, int imported, List<Error> errors) {}

    private final CustomerImport imports;

    ImportController(CustomerImport imports) {
        this.imports = imports;
    }

    @Allow(groups = RoleGroup.FILERS)
    @PostMapping("/api/customers/import")
    Answer customers(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                     Locale locale) throws IOException {
        var user = CurrentUser.get();
        return answer(imports.importFile(user, file.getOriginalFilename(), file.getBytes(), mode, false), locale);
    }

    @Allow({RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/api/leads/import")
    Answer leads(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                 Locale locale) throws IOException {
        var user = CurrentUser.get();
        if (file.isEmpty()) throw ProblemException.invalid("file", "required");
        return answer(imports.importFile(user, file.getOriginalFilename(), file.getBytes(), mode, true), locale);
    }

    private static Answer answer(ImportResult result, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return new Answer(result.rows(), result.imported(), result.problems().stream()
                .map(p -> new Error(p.row(), en ? p.columnEn() : p.columnZh(), en ? p.messageEn() : p.messageZh())).toList());
    }
}
