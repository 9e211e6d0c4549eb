package io.yewu.platform.settings;

import java.util.List;

/** A capability's settings; each capability exposes one as a bean, and the platform collects them all. */
@FunctionalInterface
public interface SettingCatalog {

    List<SettingDefinition<?>> definitions();
}
