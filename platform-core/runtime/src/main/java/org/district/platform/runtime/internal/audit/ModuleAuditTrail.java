package org.district.platform.runtime.internal.audit;

import java.util.Map;

import org.district.platform.api.audit.AuditTrail;
import org.district.platform.runtime.internal.module.ModuleIds;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/** A module's view of the audit trail: bundle scoped, so that each entry names the module that wrote it. */
@Component(service = AuditTrail.class, scope = ServiceScope.BUNDLE)
public class ModuleAuditTrail implements AuditTrail {

    @Reference
    private AuditLedger ledger;

    private String module;

    @Activate
    void activate(ComponentContext context) {
        Bundle user = context.getUsingBundle();
        module = ModuleIds.of(user).orElse(user.getSymbolicName());
    }

    @Override
    public void record(String action, String subject, Map<String, String> details) {
        ledger.append(module, action, subject, details);
    }
}
