package org.district.platform.runtime.internal.rest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletContext;

/**
 * A servlet context that exists before the servlet container hands over the real one, so that
 * the modules' Jersey applications can start while Jetty is still starting (they only read init
 * parameters and attributes then). Once {@link #bind} is called every call goes to the real context.
 */
final class LateServletContext implements InvocationHandler {

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ServletContext proxy = (ServletContext) Proxy.newProxyInstance(
            ServletContext.class.getClassLoader(), new Class<?>[] { ServletContext.class }, this);
    private volatile ServletContext real;

    ServletContext context() {
        return proxy;
    }

    void bind(ServletContext context) {
        attributes.forEach(context::setAttribute);
        real = context;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        ServletContext target = real;
        if (target != null) {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        switch (method.getName()) {
            case "getAttribute":
                return attributes.get((String) args[0]);
            case "setAttribute":
                if (args[1] == null) {
                    attributes.remove((String) args[0]);
                } else {
                    attributes.put((String) args[0], args[1]);
                }
                return null;
            case "removeAttribute":
                attributes.remove((String) args[0]);
                return null;
            case "getAttributeNames":
                return Collections.enumeration(attributes.keySet());
            case "getInitParameterNames":
                return Collections.emptyEnumeration();
            case "getContextPath":
                return "";
            case "getMajorVersion":
                return 6;
            case "getMinorVersion":
                return 0;
            case "getServletContextName":
                return "district";
            case "hashCode":
                return System.identityHashCode(self);
            case "equals":
                return self == args[0];
            case "toString":
                return "LateServletContext";
            default:
                if (method.getReturnType() == boolean.class) {
                    return false;
                }
                if (method.getReturnType() == int.class) {
                    return 0;
                }
                return null;
        }
    }
}
