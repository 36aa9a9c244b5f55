package org.smesurvey.stats.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smesurvey.core.StudyCatalogue;
import org.smesurvey.stats.Interval;

/**
 * Every public constructor and static method of core and stats, called with a null in each reference parameter
 * (and neutral values elsewhere), fails with {@code Objects.requireNonNull(x, "name")}'s message rather than a
 * JVM NullPointerException ("Cannot invoke … because … is null"): a caller learns which argument was null. All
 * reference arguments are null at once, so the first check of each is what is tested; instance methods are not
 * reached this way.
 */
class NullArgumentsTest {

    private static Object neutral(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == int.class ? 1 : type == long.class ? 1L : type == short.class ? (short) 1 : (byte) 1;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? 0.5 : 0.5f;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'a';
        }
        return null;
    }

    private static List<Class<?>> classes(Class<?> anchor, String prefix) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(
                        location.relativize(f).toString().replace('/', '.').replace(".class", "")));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String name = e.nextElement().getName();
                    if (name.endsWith(".class")) {
                        names.add(name.replace('/', '.').replace(".class", ""));
                    }
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(prefix) && !name.contains(".internal.") && !name.endsWith("package-info")) {
                try {
                    Class<?> c = Class.forName(name);
                    if (Modifier.isPublic(c.getModifiers())) {
                        classes.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return classes;
    }

    @Test
    void nullArgumentsAreNamed() throws Exception {
        List<Class<?>> classes = new ArrayList<>(classes(StudyCatalogue.class, "org.smesurvey.core"));
        classes.addAll(classes(Interval.class, "org.smesurvey.stats"));
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Class<?> c : classes) {
            List<Executable> executables = new ArrayList<>();
            for (Constructor<?> k : c.getConstructors()) {
                executables.add(k);
            }
            for (Method m : c.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == c && !m.isSynthetic()
                        && !(c.isEnum() && m.getName().equals("valueOf"))) {
                    executables.add(m);
                }
            }
            for (Executable e : executables) {
                Class<?>[] types = e.getParameterTypes();
                for (int p = 0; p < types.length; p++) {
                    if (types[p].isPrimitive()) {
                        continue;
                    }
                    Object[] args = new Object[types.length];
                    for (int q = 0; q < types.length; q++) {
                        args[q] = neutral(types[q]);
                    }
                    calls++;
                    Throwable thrown = null;
                    try {
                        if (e instanceof Constructor<?> k) {
                            k.newInstance(args);
                        } else {
                            ((Method) e).invoke(null, args);
                        }
                    } catch (InvocationTargetException ex) {
                        thrown = ex.getCause();
                    } catch (ReflectiveOperationException | IllegalArgumentException ex) {
                        continue;
                    }
                    if (thrown instanceof NullPointerException npe && (npe.getMessage() == null
                            || npe.getMessage().startsWith("Cannot ") || npe.getMessage().contains("\" is null"))) {
                        failures.add(e.toGenericString() + " with null argument " + (p + 1) + ": " + npe.getMessage());
                    }
                    if (thrown instanceof UncheckedIOException) {
                        continue;
                    }
                }
            }
        }
        assertEquals(List.of(), failures, calls + " calls");
    }
}
