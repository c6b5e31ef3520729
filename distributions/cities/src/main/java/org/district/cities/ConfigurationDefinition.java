package org.district.cities;

import java.util.List;
import java.util.Optional;

/**
 * A configuration a module designates in its Metatype documents: the PID a city's settings are
 * keyed by, and the attributes of the object class designated for it.
 */
record ConfigurationDefinition(String pid, List<SettingDefinition> settings) {

    Optional<SettingDefinition> setting(String id) {
        return settings.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    List<String> settingIds() {
        return settings.stream().map(SettingDefinition::id).toList();
    }
}
