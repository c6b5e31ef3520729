package org.district.platform.runtime.internal.admin;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.runtime.internal.audit.AuditLedger;
import org.district.platform.runtime.internal.audit.AuditLedger.Entry;
import org.district.platform.runtime.internal.audit.AuditLedger.Verification;
import org.district.platform.runtime.internal.rest.AccessControl;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/**
 * {@code /api/admin/audit}: the audit trail for auditors — entries, a verification of the hash
 * chain, and a CSV export (itself recorded in the trail).
 */
@Component(service = AuditResource.class, property = RestWhiteboard.BASE_PROPERTY + "=admin")
@JakartarsResource
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AuditResource.AUDITOR)
public class AuditResource {

    /** The role that reads the audit trail. */
    public static final String AUDITOR = AccessControl.AUDITOR;

    @Reference
    private AuditLedger ledger;

    /**
     * Entries newest first; {@code module} keeps those a module wrote, {@code about} a module's whole
     * history: what it wrote and the platform's entries about it (enabled, disabled, settings changed).
     */
    @GET
    public Page<Entry> entries(@QueryParam("module") String module, @QueryParam("about") String about, @BeanParam PageRequest paging) {
        String only = module == null || module.isBlank() ? null : module;
        String subject = about == null || about.isBlank() ? null : about;
        return paging.of(ledger.entries(only, subject, paging.offset(), paging.size()), ledger.count(only, subject));
    }

    /** Recomputes the hash chain; an edited or deleted entry is named. */
    @GET
    @Path("verify")
    public Verification verify() {
        return ledger.verify();
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export() {
        ledger.append("platform", "export", "audit trail", Map.of());
        StreamingOutput csv = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ledger.exportCsv(writer);
            writer.flush();
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"").build();
    }
}
