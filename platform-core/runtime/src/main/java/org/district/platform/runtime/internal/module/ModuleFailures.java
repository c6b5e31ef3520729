package org.district.platform.runtime.internal.module;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;

/** Why a module could not start, as reported by whichever part of the platform found out. */
@Component(service = ModuleFailures.class)
public class ModuleFailures {

    private final Map<Long, String> reasons = new ConcurrentHashMap<>();

    public void record(Bundle bundle, String reason) {
        reasons.put(bundle.getBundleId(), reason);
    }

    public void clear(Bundle bundle) {
        reasons.remove(bundle.getBundleId());
    }

    public Optional<String> reason(Bundle bundle) {
        return Optional.ofNullable(reasons.get(bundle.getBundleId()));
    }
}
