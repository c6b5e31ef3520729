package org.district.platform.runtime.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.district.platform.api.rest.Problem;

/**
 * Every request body: no larger than the limit (413, whether or not the client said its length),
 * present where the resource expects one, and checked with Bean Validation where the resource
 * parameter is {@code @Valid} (400 naming each field at fault); and read to its end when the answer
 * did not need it (a request refused before its body was read: 401, 403, 404, 413, 415), because
 * Jetty closes a connection whose request body is left unread, and the client, still sending, then
 * loses the answer.
 */
@PreMatching
@Priority(Priorities.ENTITY_CODER)
public class RequestBodies implements ContainerRequestFilter, ReaderInterceptor, ContainerResponseFilter {

    private final long maxBytes;
    private final Supplier<Validator> validator;

    public RequestBodies(long maxBytes, Supplier<Validator> validator) {
        this.maxBytes = maxBytes;
        this.validator = validator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        try {
            if (!request.hasEntity()) {
                return;
            }
        } catch (IllegalStateException closed) {
            return; // read, and closed, by the resource
        }
        // A body over the limit too, up to a few times it: the client that sent it then gets its 413.
        InputStream unread = request.getEntityStream();
        byte[] buffer = new byte[8192];
        for (long read = 0; read <= 4 * maxBytes;) {
            int n = unread.read(buffer);
            if (n < 0) {
                return;
            }
            read += n;
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream()));
        Object body = context.proceed();
        if (isValid(context.getAnnotations())) {
            if (body == null) {
                throw Problem.invalid("body", "a JSON body is required");
            }
            var violations = validator.get().validate(body);
            if (!violations.isEmpty()) {
                throw ProblemResponses.fromViolations(violations);
            }
        }
        return body;
    }

    private static boolean isValid(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == Valid.class) {
                return true;
            }
        }
        return false;
    }

    private Problem tooLarge() {
        return new Problem(413, "Payload too large", "The request body is larger than " + maxBytes + " bytes.");
    }

    /** Counts what the body reader takes and stops it at the limit. */
    private final class Bounded extends FilterInputStream {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
