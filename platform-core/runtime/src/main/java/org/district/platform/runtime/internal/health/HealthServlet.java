package org.district.platform.runtime.internal.health;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.district.platform.runtime.internal.module.ModuleManager;
import org.district.platform.runtime.internal.module.ModuleView;
import org.district.platform.runtime.internal.rest.JsonServlet;
import org.district.platform.runtime.internal.rest.RestWhiteboard;
import org.district.platform.runtime.internal.security.Accounts;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.FailedServletDTO;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /health}: liveness, readiness (the modules have started, the database answers, the admin
 * account is in place) and each module's state, with the trouble a running module is in (slow
 * requests, too many at once, threads over its limit or left running) and the list of those in trouble. {@code /health/live} and {@code /health/ready} answer 200 or 503 for probes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ "/health", "/health/*" })
public class HealthServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient DataSource dataSource;

    @Reference
    private transient ModuleManager modules;

    @Reference
    private transient RestWhiteboard api;

    @Reference
    private transient Accounts accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient HttpServiceRuntime httpRuntime;

    /** Framework property: this process's instance id, which every health answer carries, so the launcher knows it hears its own platform. */
    public static final String INSTANCE = "district.instance";

    private transient String instance;

    @org.osgi.service.component.annotations.Activate
    void activate(org.osgi.framework.BundleContext context) {
        instance = context.getProperty(INSTANCE);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (instance != null) {
            response.setHeader("District-Instance", instance);
        }
        String which = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (which.equals("/live")) {
            write(response, 200, "application/json", Map.of("status", "UP"));
            return;
        }
        Map<String, Object> database = database();
        Map<String, Object> signIn = accounts.signInStatus();
        boolean ready = modules.started() && api.serving() && "UP".equals(database.get("status")) && "UP".equals(signIn.get("status"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("live", "UP");
        body.put("ready", ready ? "UP" : "DOWN");
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", database);
        checks.put("modulesStarted", Map.of("status", modules.started() ? "UP" : "DOWN"));
        checks.put("api", Map.of("status", api.serving() ? "UP" : "DOWN"));
        checks.put("accounts", signIn);
        body.put("checks", checks);
        if (!which.equals("/ready")) {
            List<Map<String, Object>> states = new ArrayList<>();
            List<String> troubled = new ArrayList<>();
            for (ModuleView module : modules.list()) {
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("id", module.id());
                state.put("state", module.state());
                if (module.reason() != null) {
                    state.put("reason", module.reason());
                }
                if (!module.trouble().isEmpty()) {
                    state.put("trouble", module.trouble());
                    troubled.add(module.id());
                }
                states.add(state);
            }
            body.put("modules", states);
            if (!troubled.isEmpty()) {
                // The node serves on (its other modules answer), so readiness holds; the admin disables the module named.
                body.put("modulesInTrouble", troubled);
            }
            List<String> failedServlets = failedServlets();
            if (!failedServlets.isEmpty()) {
                body.put("failedServlets", failedServlets);
            }
        }
        write(response, ready ? 200 : 503, "application/json", body);
    }

    private Map<String, Object> database() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? Map.of("status", "UP") : Map.of("status", "DOWN", "reason", "the connection is not valid");
        } catch (Exception e) {
            return Map.of("status", "DOWN", "reason", String.valueOf(e.getMessage()));
        }
    }

    /** Servlets the HTTP runtime could not start: it hides their failure behind a plain 404 otherwise. */
    private List<String> failedServlets() {
        List<String> failed = new ArrayList<>();
        HttpServiceRuntime runtime = httpRuntime;
        if (runtime != null) {
            for (FailedServletDTO servlet : runtime.getRuntimeDTO().failedServletDTOs) {
                failed.add(servlet.name + " (failure reason " + servlet.failureReason + ")");
            }
        }
        return failed;
    }
}
