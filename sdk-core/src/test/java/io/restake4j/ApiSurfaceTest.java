package io.restake4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.restake4j.tx.internal.TransactionEngine;

/**
 * What stands in for {@code module-info.java} (web3j 5's jars are automatic modules with split packages, so a
 * named restake4j module cannot resolve them): no public or protected member of a public type in an API package
 * mentions a type from an {@code .internal} package, so a user can compile against the API packages alone.
 */
class ApiSurfaceTest {

    @Test
    void apiPackagesExposeNoInternalType() throws Exception {
        List<Class<?>> api = apiClasses();
        assertTrue(api.size() > 100, "the scan found the API classes (" + api.size() + ")");
        Set<String> leaks = new TreeSet<>();
        for (Class<?> c : api) {
            leaks.addAll(leaksOf(c));
        }
        assertEquals(Set.of(), leaks, "API members that expose internal types");
    }

    @Test
    void theCheckSeesALeak() {
        Set<String> leaks = leaksOf(Leaky.class);
        assertFalse(leaks.isEmpty(), "a public method returning an internal type is reported");
        assertTrue(leaks.stream().anyMatch(l -> l.contains("engine")), leaks.toString());
        assertTrue(leaks.stream().anyMatch(l -> l.contains("engines")), "inside a generic type too: " + leaks);
    }

    /** A public type that leaks, to show the check can fail. */
    public static final class Leaky {
        public TransactionEngine engine() {
            return null;
        }

        public List<? extends TransactionEngine> engines() {
            return List.of();
        }
    }

    private static boolean isInternal(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return !c.isPrimitive() && c.getPackageName().startsWith("io.restake4j")
                && (c.getPackageName().endsWith(".internal") || c.getPackageName().contains(".internal."));
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    static Set<String> leaksOf(Class<?> c) {
        Set<String> leaks = new TreeSet<>();
        String name = c.getName();
        if (c.getGenericSuperclass() != null && mentionsInternal(c.getGenericSuperclass())) {
            leaks.add(name + " extends " + c.getGenericSuperclass().getTypeName());
        }
        for (Type t : c.getGenericInterfaces()) {
            if (mentionsInternal(t)) {
                leaks.add(name + " implements " + t.getTypeName());
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic() && mentionsInternal(f.getGenericType())) {
                leaks.add(name + "." + f.getName());
            }
        }
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            members.add(k);
        }
        for (Executable m : members) {
            if (!visible(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
            types.addAll(List.of(m.getGenericExceptionTypes()));
            if (m instanceof Method method) {
                if (method.isBridge()) {
                    continue;
                }
                types.add(method.getGenericReturnType());
            }
            for (Type t : types) {
                if (mentionsInternal(t)) {
                    leaks.add(name + "." + m.getName() + " uses " + t.getTypeName());
                }
            }
        }
        return leaks;
    }

    private static boolean mentionsInternal(Type t) {
        if (t instanceof Class<?> k) {
            return isInternal(k);
        }
        if (t instanceof ParameterizedType p) {
            return mentionsInternal(p.getRawType()) || Stream.of(p.getActualTypeArguments()).anyMatch(ApiSurfaceTest::mentionsInternal);
        }
        if (t instanceof WildcardType w) {
            return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).anyMatch(ApiSurfaceTest::mentionsInternal);
        }
        if (t instanceof GenericArrayType a) {
            return mentionsInternal(a.getGenericComponentType());
        }
        if (t instanceof TypeVariable<?> v) {
            return Stream.of(v.getBounds()).anyMatch(b -> b != t && !(b instanceof TypeVariable) && mentionsInternal(b));
        }
        return false;
    }

    /** Every public top-level or public nested type of sdk-core's main classes outside {@code .internal} packages. */
    private static List<Class<?>> apiClasses() throws URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Restaking.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(root::relativize).map(Path::toString).filter(p -> p.endsWith(".class"))
                    .filter(p -> !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String n : names) {
            Class<?> c = Class.forName(n, false, ApiSurfaceTest.class.getClassLoader());
            if (isInternal(c) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
                continue;
            }
            if (publicAllTheWay(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean publicAllTheWay(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
