package org.district.platform.runtime.internal.db;

import java.io.IOException;
import java.io.Writer;

import org.eclipse.persistence.platform.database.H2Platform;

/**
 * EclipseLink's H2 platform as H2 2 needs it: a boolean in SQL is written {@code TRUE} or
 * {@code FALSE}. EclipseLink writes {@code 1} and {@code 0}, which H2 2 refuses to compare with a
 * boolean column ("Values of types BOOLEAN and INTEGER are not comparable"), so a JPQL condition
 * such as {@code where l.active = true} failed on the embedded database.
 */
public class H2Database extends H2Platform {

    private static final long serialVersionUID = 1L;

    @Override
    protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
        writer.write(Boolean.TRUE.equals(bool) ? "TRUE" : "FALSE");
    }
}
