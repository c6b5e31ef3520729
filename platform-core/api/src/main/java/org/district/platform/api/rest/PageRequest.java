package org.district.platform.api.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The {@code page} (from 0) and {@code size} query parameters of a list endpoint. Use as a
 * {@code @BeanParam}; out-of-range values are a 400 that names the parameter.
 */
public class PageRequest {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    private int page;

    @QueryParam("size")
    @DefaultValue("20")
    private int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        if (page < 0) {
            throw Problem.invalid("page", "must be 0 or more");
        }
        return page;
    }

    public int size() {
        if (size < 1 || size > MAX_SIZE) {
            throw Problem.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return size;
    }

    /** The index of the page's first item; a page past the largest index there can be is a 400. */
    public int offset() {
        long offset = (long) page() * size();
        if (offset > Integer.MAX_VALUE) {
            throw Problem.invalid("page", "must be at most " + Integer.MAX_VALUE / size() + " for pages of " + size());
        }
        return (int) offset;
    }

    public <T> Page<T> of(java.util.List<T> items, long total) {
        return new Page<>(items, page(), size(), total);
    }
}
