package org.district.platform.runtime.internal.rest;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Answers every address nothing else serves with a problem instead of the servlet container's HTML page. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class NotFoundServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(response, Problem.notFound("There is nothing at " + request.getRequestURI() + "."), request.getRequestURI());
    }
}
