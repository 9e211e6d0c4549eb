package io.yewu.customer.internal;

import io.yewu.platform.security.HiddenFields;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The customer module's field rule for generic readers such as the decision endpoint ({@link CustomerFields}). */
@Component
class CustomerHiddenFields implements HiddenFields {

    @Override
    public Set<String> from(YewuPrincipal reader) {
        return CustomerFields.hiddenNames(reader);
    }
}
