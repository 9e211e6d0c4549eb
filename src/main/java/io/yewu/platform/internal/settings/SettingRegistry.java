package io.yewu.platform.internal.settings;

import io.yewu.platform.settings.SettingCatalog;
import io.yewu.platform.settings.SettingDefinition;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every capability's setting definitions, by key; two capabilities claiming one key stop the start. */
@Component
class SettingRegistry {

    private final Map<String, SettingDefinition<?>> byKey = new LinkedHashMap<>();

    SettingRegistry(List<SettingCatalog> catalogs) {
        catalogs.stream().flatMap(c -> c.definitions().stream()).forEach(d -> {
            if (byKey.putIfAbsent(d.key(), d) != null) throw new IllegalStateException("Setting declared twice: " + d.key());
        });
    }

    Collection<SettingDefinition<?>> all() {
        return byKey.values();
    }

    Optional<SettingDefinition<?>> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
