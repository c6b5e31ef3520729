package org.district.platform.runtime.internal.rest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.glassfish.jersey.server.ParamException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of a request into an RFC 9457 problem: the fault in the request named, never
 * a stack trace. An unexpected failure is a 500 with a reference that the log also carries.
 */
public class ProblemResponses implements ExceptionMapper<Throwable> {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final System.Logger LOG = System.getLogger(ProblemResponses.class.getName());

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Problem problem = toProblem(failure);
        Response.ResponseBuilder response = response(problem, uriInfo == null ? null : uriInfo.getRequestUri().getRawPath());
        if (failure instanceof NotAllowedException notAllowed) {
            response.allow(notAllowed.getResponse().getAllowedMethods());
        }
        if (problem.status() == 401) {
            challenge(response, headers == null ? null : headers.getHeaderString("X-Requested-With"));
        }
        return response.build();
    }

    /**
     * A 401 says how to sign in (RFC 9110), wrong credentials as much as none; unless a page's script
     * asks ({@code X-Requested-With}), so that a browser shows no password dialog over the console.
     */
    static Response.ResponseBuilder challenge(Response.ResponseBuilder response, String requestedWith) {
        return requestedWith == null ? response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"district\", charset=\"UTF-8\"") : response;
    }

    /** The response for a problem, with its JSON body. */
    public static Response.ResponseBuilder response(Problem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(body);
    }

    static Problem toProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Problem problem) {
                return problem;
            }
            if (cause instanceof JsonProcessingException json) {
                return fromJson(json);
            }
            if (cause instanceof ConstraintViolationException violations) {
                return fromViolations(violations);
            }
            if (cause instanceof ParamException param) {
                return Problem.invalid(param.getParameterName(), "is not a valid value for this "
                        + param.getParameterType().getSimpleName().replace("Param", " parameter").toLowerCase(java.util.Locale.ROOT));
            }
            if (cause instanceof NotFoundException) {
                return Problem.notFound("There is nothing at this address.");
            }
            if (cause instanceof NotAllowedException) {
                return new Problem(405, "Method not allowed", "This address does not accept that method.");
            }
            if (cause instanceof NotSupportedException) {
                return new Problem(415, "Unsupported media type", "Send the body as application/json.");
            }
            if (cause instanceof WebApplicationException web) {
                Response.StatusType status = web.getResponse().getStatusInfo();
                if (status.getStatusCode() < 500) {
                    return new Problem(status.getStatusCode(), status.getReasonPhrase(), web.getMessage());
                }
            }
            if (cause instanceof PersistenceException && constraintViolated(cause)) {
                return Problem.conflict("The change conflicts with data already stored (a value that must be unique, or a record still in use).");
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(System.Logger.Level.ERROR, "Request failed, reference " + reference, failure);
        return new Problem(500, "Internal error", "The request could not be completed. Reference: " + reference);
    }

    private static Problem fromJson(JsonProcessingException json) {
        if (json instanceof StreamConstraintsException) {
            return new Problem(400, "Invalid request", "The JSON body nests deeper than " + Json.MAX_NESTING
                    + " levels or holds a value that is too long.");
        }
        if (json instanceof JsonParseException parse) {
            String reason = parse.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "");
            return new Problem(400, "Malformed JSON", "The body is not valid JSON: " + reason
                    + (parse.getLocation() == null ? "" : " (line " + parse.getLocation().getLineNr()
                            + ", column " + parse.getLocation().getColumnNr() + ")"));
        }
        if (json instanceof JsonMappingException mapping) {
            String field = path(mapping);
            if (mapping instanceof UnrecognizedPropertyException) {
                return Problem.invalid(field, "is not a field of this request");
            }
            if (mapping.getCause() instanceof StreamConstraintsException) {
                return fromJson((StreamConstraintsException) mapping.getCause());
            }
            if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return Problem.invalid(field, "expected " + describe(mismatch.getTargetType()));
            }
            return Problem.invalid(field, mapping.getOriginalMessage());
        }
        return new Problem(400, "Malformed JSON", "The body is not valid JSON.");
    }

    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    static Problem fromViolations(ConstraintViolationException violations) {
        return fromViolations(violations.getConstraintViolations());
    }

    static Problem fromViolations(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String field = violation.getPropertyPath().toString();
            errors.add(new FieldError(field.isEmpty() ? "body" : field, violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return Problem.invalid(errors);
    }

    private static boolean constraintViolated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
