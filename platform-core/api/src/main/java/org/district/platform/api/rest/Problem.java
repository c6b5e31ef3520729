package org.district.platform.api.rest;

import java.util.List;

/**
 * An answer that is not a success, sent as RFC 9457 {@code application/problem+json}. Throw it from
 * a resource; the platform writes the body.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public Problem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** 400: one field of the request is wrong. */
    public static Problem invalid(String field, String message) {
        return new Problem(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 400: several fields of the request are wrong. */
    public static Problem invalid(List<FieldError> errors) {
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            if (detail.length() > 0) {
                detail.append("; ");
            }
            detail.append(error.field()).append(": ").append(error.message());
        }
        return new Problem(400, "Invalid request", detail.toString(), errors);
    }

    /** 404: the thing asked for does not exist. */
    public static Problem notFound(String detail) {
        return new Problem(404, "Not found", detail);
    }

    /** 409: the request conflicts with the current state. */
    public static Problem conflict(String detail) {
        return new Problem(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** The fields at fault, when the problem is about the request's content. */
    public List<FieldError> errors() {
        return errors;
    }

    /** One field at fault and why. {@code field} is a path such as {@code windows[2].end}. */
    public record FieldError(String field, String message) {
    }
}
