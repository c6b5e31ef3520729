package org.district.platform.runtime.internal.rest;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.QueryParam;

import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/openapi.json}: an OpenAPI 3.1 document of the endpoints served at this moment, read
 * from Jersey's own model of each enabled module's resources, so it is never out of date.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/openapi.json")
public class OpenApiServlet extends JsonServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient RestWhiteboard whiteboard;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, 200, "application/json", document(whiteboard.resourceClasses()));
    }

    static Map<String, Object> document(Map<String, List<Class<?>>> served) {
        Map<String, Object> paths = new java.util.TreeMap<>();
        for (Map.Entry<String, List<Class<?>>> module : served.entrySet()) {
            for (Class<?> type : module.getValue()) {
                Resource resource = Resource.from(type);
                if (resource != null) {
                    walk(resource, "/api/" + module.getKey(), module.getKey(), paths);
                }
            }
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "District platform", "version",
                FrameworkUtil.getBundle(OpenApiServlet.class).getVersion().toString()));
        document.put("paths", paths);
        document.put("components", Map.of("securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic"))));
        return document;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Resource resource, String prefix, String tag, Map<String, Object> paths) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Map<String, Object> operations = (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<>());
            operations.put(method.getHttpMethod().toLowerCase(Locale.ROOT), operation(method, tag));
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, tag, paths);
        }
    }

    private static Map<String, Object> operation(ResourceMethod method, String tag) {
        Method java = method.getInvocable().getHandlingMethod();
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", tag + "." + java.getDeclaringClass().getSimpleName() + "." + java.getName());
        operation.put("tags", List.of(tag));
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Parameter parameter : method.getInvocable().getParameters()) {
            switch (parameter.getSource()) {
                case PATH -> parameters.add(parameter(parameter.getSourceName(), "path", parameter.getRawType(), true));
                case QUERY -> parameters.add(parameter(parameter.getSourceName(), "query", parameter.getRawType(), false));
                case HEADER -> parameters.add(parameter(parameter.getSourceName(), "header", parameter.getRawType(), false));
                case BEAN_PARAM -> {
                    for (Class<?> type = parameter.getRawType(); type != null && type != Object.class; type = type.getSuperclass()) {
                        for (Field field : type.getDeclaredFields()) {
                            QueryParam query = field.getAnnotation(QueryParam.class);
                            if (query != null) {
                                parameters.add(parameter(query.value(), "query", field.getType(), false));
                            }
                        }
                    }
                }
                // A body marked @Valid has an annotation Jersey does not know, and so the source UNKNOWN.
                case ENTITY, UNKNOWN -> operation.put("requestBody", requestBody(method, parameter.getRawType()));
                default -> {
                    // context and other injected values are not part of the request
                }
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(java.getReturnType() == void.class ? "204" : "200", Map.of("description", "Success"));
        responses.put("4XX", Map.of("description", "A problem with the request",
                "content", Map.of("application/problem+json", Map.of("schema", Map.of("type", "object")))));
        operation.put("responses", responses);
        boolean open = java.isAnnotationPresent(PermitAll.class)
                || (!java.isAnnotationPresent(RolesAllowed.class) && java.getDeclaringClass().isAnnotationPresent(PermitAll.class));
        operation.put("security", open ? List.of() : List.of(Map.of("basic", List.of())));
        return operation;
    }

    /** The body in each media type the method consumes: JSON objects, or the bytes of a file upload. */
    private static Map<String, Object> requestBody(ResourceMethod method, Class<?> type) {
        Map<String, Object> schema = type == byte[].class ? Map.of("type", "string", "format", "binary")
                : Map.of("type", "object", "title", type.getSimpleName());
        Map<String, Object> content = new LinkedHashMap<>();
        for (jakarta.ws.rs.core.MediaType consumed : method.getConsumedTypes()) {
            content.put(consumed.toString(), Map.of("schema", schema));
        }
        if (content.isEmpty()) {
            content.put("application/json", Map.of("schema", schema));
        }
        return Map.of("required", true, "content", content);
    }

    private static Map<String, Object> parameter(String name, String in, Class<?> type, boolean required) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", in);
        parameter.put("required", required);
        parameter.put("schema", Map.of("type", schemaType(type)));
        return parameter;
    }

    private static String schemaType(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "string";
    }

    /** The paths joined, each template variable by its name alone: OpenAPI has no {@code {by: villages|months}}. */
    private static String join(String prefix, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return prefix;
        }
        return prefix + (path.startsWith("/") ? path : "/" + path).replaceAll("/+$", "").replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
    }
}
