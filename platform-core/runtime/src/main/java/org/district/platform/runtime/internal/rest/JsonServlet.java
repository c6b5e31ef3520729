package org.district.platform.runtime.internal.rest;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.ext.RuntimeDelegate;

import org.district.platform.api.rest.Problem;

/** A plain servlet of the platform's that answers JSON: health, OpenAPI, and the 404s around the modules. */
public abstract class JsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static {
        // Jersey's RuntimeDelegate is not found through ServiceLoader inside OSGi; problems are built as
        // Jakarta REST responses, by the module applications and by these servlets alike, which may answer
        // (a 404, a probe not yet ready) before any application is built.
        RuntimeDelegate.setInstance(new org.glassfish.jersey.internal.RuntimeDelegateImpl());
    }

    public static void write(HttpServletResponse response, int status, String contentType, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        Json.mapper().writeValue(response.getOutputStream(), body);
    }

    public static void problem(HttpServletResponse response, Problem problem, String instance) throws IOException {
        write(response, problem.status(), ProblemResponses.PROBLEM_JSON.toString(),
                ProblemResponses.response(problem, instance).build().getEntity());
    }
}
