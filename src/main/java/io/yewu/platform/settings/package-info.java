/**
 * PLT-2: administrator settings, effective-dated and versioned. A capability declares its settings in code
 * ({@link io.yewu.platform.settings.SettingDefinition}, listed by a {@link io.yewu.platform.settings.SettingCatalog}
 * bean) and its policies read them from the {@link io.yewu.platform.settings.SettingsSnapshot} valid at the
 * record's time, so a change applies to records created after it and old decisions keep their version.
 */
@org.springframework.modulith.NamedInterface("settings")
package io.yewu.platform.settings;
