package org.district.platform.api.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's demo data. Register an implementation as a service of the module's bundle; when the
 * platform runs with demo data switched on ({@code DISTRICT_DEMO_DATA=true}) it calls {@link #load()}
 * once per database, the first time the module is enabled there.
 */
@ConsumerType
public interface DemoData {

    /**
     * Writes the demo records. Runs once; a failure is reported and the load is tried again at the
     * next start, so write everything in one transaction.
     */
    void load();
}
