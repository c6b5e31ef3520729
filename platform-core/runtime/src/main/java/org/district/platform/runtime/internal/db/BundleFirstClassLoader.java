package org.district.platform.runtime.internal.db;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks in a module's bundle first and then in the libraries that work on its behalf (EclipseLink,
 * Flyway): they load the module's classes and resources by name, and their own through the same
 * loader.
 */
final class BundleFirstClassLoader extends ClassLoader {

    private final List<ClassLoader> loaders;

    BundleFirstClassLoader(ClassLoader... loaders) {
        super(null);
        this.loaders = List.of(loaders);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader loader : loaders) {
            try {
                return loader.loadClass(name);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                // try the next one
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader loader : loaders) {
            URL url = loader.getResource(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Set<URL> urls = new LinkedHashSet<>();
        for (ClassLoader loader : loaders) {
            urls.addAll(Collections.list(loader.getResources(name)));
        }
        return Collections.enumeration(new ArrayList<>(urls));
    }
}
