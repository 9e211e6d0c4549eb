package io.yewu.platform.internal.settings;

import io.yewu.platform.internal.company.CompanySetup;
import io.yewu.platform.settings.SettingDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;

/** A new company starts with every setting's default, in force from the epoch so records of any time have a value. */
@Component
class DefaultSettings implements CompanySetup {

    private final JdbcClient jdbc;
    private final SettingRegistry registry;

    private final JdbcSettings settings;

    DefaultSettings(JdbcClient jdbc, SettingRegistry registry, JdbcSettings settings) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public void setUp(long companyId) {
        for (SettingDefinition<?> d : registry.all()) {
            jdbc.sql("INSERT INTO setting_value (company_id, key, value, effective_from) VALUES (:c, :k, :v, :at)")
                    .param("c", companyId).param("k", d.key()).param("v", defaultText(d))
                    .param("at", Instant.EPOCH.atOffset(ZoneOffset.UTC)).update();
        }
        settings.written(companyId);
    }

    private static <T extends Comparable<? super T>> String defaultText(SettingDefinition<T> d) {
        return d.type().toText(d.defaultValue());
    }
}
