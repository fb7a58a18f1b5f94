package org.tradeline.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every route the application's JAX-RS resources serve, read by reflection from the compiled
 * classes under {@code org.tradeline}, so that tests can check that each one is covered (by the
 * OpenAPI document, by the fuzz test) and a new route cannot be forgotten.
 */
final class JaxRsRoutes {

    /** One route: an HTTP method and a path template such as {@code /api/timelines/{slug}}. */
    record Route(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private JaxRsRoutes() {
    }

    static List<Route> all() {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String method = httpMethod(m);
                if (method != null) {
                    Path sub = m.getAnnotation(Path.class);
                    routes.add(new Route(method, join(base, sub == null ? "" : sub.value())));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return routes;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The classes annotated with @Path in the application's compiled classes. */
    private static List<Class<?>> resources() {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/tradeline"))) {
            List<Class<?>> out = new ArrayList<>();
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, loader);
                if (c.isAnnotationPresent(Path.class)) {
                    out.add(c);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
