package io.github.berth.testkit.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.testkit.surface.fixture.Clean;
import io.github.berth.testkit.surface.fixture.Leaky;
import java.io.IOException;
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
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps Berth's public surface to its API: no public or protected signature of a type in an exported
 * package (every package not named {@code internal}) names a type of an {@code internal} package, in
 * its supertypes, fields, method parameters, returns, exceptions or type bounds. It walks the main
 * classes of every library module (core, placement, scaling, testkit), which testkit's tests all see;
 * and each internal package says in its package-info that it is not API.
 */
class PublicSurfaceTest {

    private static final List<String> LIBRARY_MODULES = List.of("core", "placement", "scaling", "testkit");

    @Test
    void noExportedSignatureNamesAnInternalType() throws Exception {
        List<Class<?>> classes = mainClasses();
        List<String> leaks = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        int api = 0;
        for (Class<?> c : classes) {
            modules.add(c.getPackageName().split("\\.")[3]);
            if (isApi(c)) {
                api++;
                leaks.addAll(leaks(c));
            }
        }
        assertThat(modules).containsAll(LIBRARY_MODULES);
        assertThat(api).as("API types walked").isGreaterThan(500);
        assertThat(leaks).isEmpty();
    }

    @Test
    void theCheckFindsEveryWayASignatureCanNameAnInternalType() {
        String hidden = "io.github.berth.testkit.surface.internal.Hidden";
        assertThat(leaks(Leaky.class))
                .containsExactlyInAnyOrder(
                        "Leaky implements java.util.function.Supplier<" + hidden + ">",
                        "Leaky.field: " + hidden,
                        "Leaky.wildcard: java.util.List<? extends " + hidden + ">",
                        "Leaky.<init>(" + hidden + ")",
                        "Leaky.get() returns " + hidden,
                        "Leaky.take(" + hidden + "[])",
                        "Leaky.bound(T) has type parameter T extends " + hidden);
        assertThat(leaks(Leaky.Nested.class))
                .containsExactly("Leaky$Nested extends java.util.ArrayList<" + hidden + ">");
        assertThat(leaks(Clean.class)).isEmpty();
        // Only what users can reach is API: a private nested type, and anything in an internal package, is not.
        assertThat(isApi(Leaky.Nested.class)).isTrue();
        assertThat(isApi(Clean.class.getDeclaredClasses()[0])).isFalse();
        assertThat(isApi(io.github.berth.testkit.surface.internal.Hidden.class)).isFalse();
    }

    @Test
    void thePlumbingOnceInTheApiLivesInInternalPackagesNow() throws Exception {
        for (String moved : List.of(
                "io.github.berth.core.validation.internal.Violations",
                "io.github.berth.core.validation.internal.ShapeRules",
                "io.github.berth.placement.internal.TieBreaker",
                "io.github.berth.scaling.validation.internal.AutoScalingShapeRules",
                "io.github.berth.testkit.generators.internal.PlacementScenarios")) {
            assertThat(isApi(Class.forName(moved))).as(moved).isFalse();
        }
        for (String gone : List.of(
                "io.github.berth.core.validation.Violations",
                "io.github.berth.placement.TieBreaker",
                "io.github.berth.scaling.model.AutoScalingConstraints",
                "io.github.berth.testkit.generators.PlacementScenarios",
                "io.github.berth.core.error.autoscaling.ValidationException")) {
            assertThatThrownBy(() -> Class.forName(gone)).as(gone).isInstanceOf(ClassNotFoundException.class);
        }
        // Application Auto Scaling's errors are scaling's and are not ECS errors.
        assertThat(io.github.berth.core.error.EcsException.class.isAssignableFrom(
                        io.github.berth.scaling.error.ValidationException.class))
                .isFalse();
    }

    @Test
    void everyInternalPackageSaysItIsNotApi() throws Exception {
        Set<String> internal = new TreeSet<>();
        for (Class<?> c : mainClasses()) {
            if (isInternal(c.getPackageName())) {
                internal.add(c.getPackageName());
            }
        }
        assertThat(internal)
                .contains(
                        "io.github.berth.core.validation.internal",
                        "io.github.berth.placement.internal",
                        "io.github.berth.scaling.validation.internal",
                        "io.github.berth.testkit.generators.internal");
        for (String pkg : internal) {
            String module = pkg.split("\\.")[3];
            Path info = Path.of("..", module, "src", "main", "java")
                    .resolve(pkg.replace('.', '/'))
                    .resolve("package-info.java");
            assertThat(info).as(pkg).exists();
            assertThat(Files.readString(info)).as(pkg).contains("Not API");
        }
    }

    // ------------------------------------------------------------------ the check

    static boolean isInternal(String packageName) {
        return List.of(packageName.split("\\.")).contains("internal");
    }

    /** Whether users can reach the type: public (or protected, nested) all the way out, outside an internal package. */
    static boolean isApi(Class<?> c) {
        if (isInternal(c.getPackageName()) || c.isSynthetic() || c.isAnonymousClass() || c.isLocalClass()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            int m = k.getModifiers();
            boolean visible = k.getDeclaringClass() == null
                    ? Modifier.isPublic(m)
                    : Modifier.isPublic(m) || Modifier.isProtected(m);
            if (!visible) {
                return false;
            }
        }
        return true;
    }

    /** Each public or protected signature of {@code c} (its own members, not inherited ones) that names an internal type. */
    static List<String> leaks(Class<?> c) {
        List<String> out = new ArrayList<>();
        String name = c.getName().substring(c.getPackageName().length() + 1);
        if (c.getGenericSuperclass() != null && namesInternal(c.getGenericSuperclass())) {
            out.add(name + " extends " + c.getGenericSuperclass().getTypeName());
        }
        for (Type t : c.getGenericInterfaces()) {
            if (namesInternal(t)) {
                out.add(name + (c.isInterface() ? " extends " : " implements ") + t.getTypeName());
            }
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            bounds(v, name, out);
        }
        for (Field f : c.getDeclaredFields()) {
            if (reachable(f.getModifiers()) && !f.isSynthetic() && namesInternal(f.getGenericType())) {
                out.add(name + "." + f.getName() + ": " + f.getGenericType().getTypeName());
            }
        }
        List<Executable> executables = new ArrayList<>();
        Collections.addAll(executables, c.getDeclaredConstructors());
        for (Method m : c.getDeclaredMethods()) {
            if (!m.isBridge()) {
                executables.add(m);
            }
        }
        for (Executable e : executables) {
            if (!reachable(e.getModifiers()) || e.isSynthetic()) {
                continue;
            }
            String what = name + "." + (e instanceof Constructor ? "<init>" : e.getName());
            List<String> params = new ArrayList<>();
            boolean leaksParam = false;
            for (Type p : e.getGenericParameterTypes()) {
                params.add(p.getTypeName());
                leaksParam |= namesInternal(p);
            }
            String signature = what + "(" + String.join(", ", params) + ")";
            if (leaksParam) {
                out.add(signature);
            }
            if (e instanceof Method && namesInternal(((Method) e).getGenericReturnType())) {
                out.add(signature + " returns "
                        + ((Method) e).getGenericReturnType().getTypeName());
            }
            for (Type x : e.getGenericExceptionTypes()) {
                if (namesInternal(x)) {
                    out.add(signature + " throws " + x.getTypeName());
                }
            }
            for (TypeVariable<?> v : e.getTypeParameters()) {
                bounds(v, signature, out);
            }
        }
        return out;
    }

    private static void bounds(TypeVariable<?> v, String where, List<String> out) {
        for (Type b : v.getBounds()) {
            if (namesInternal(b)) {
                out.add(where + " has type parameter " + v.getName() + " extends " + b.getTypeName());
            }
        }
    }

    private static boolean reachable(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    static boolean namesInternal(Type t) {
        return namesInternal(t, new HashSet<>());
    }

    private static boolean namesInternal(Type t, Set<Type> seen) {
        if (!seen.add(t)) {
            return false;
        }
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            return c.getName().startsWith("io.github.berth.") && isInternal(c.getPackageName());
        }
        if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            if (namesInternal(p.getRawType(), seen)
                    || (p.getOwnerType() != null && namesInternal(p.getOwnerType(), seen))) {
                return true;
            }
            for (Type a : p.getActualTypeArguments()) {
                if (namesInternal(a, seen)) {
                    return true;
                }
            }
            return false;
        }
        if (t instanceof WildcardType) {
            WildcardType w = (WildcardType) t;
            return Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .anyMatch(b -> namesInternal(b, seen));
        }
        if (t instanceof GenericArrayType) {
            return namesInternal(((GenericArrayType) t).getGenericComponentType(), seen);
        }
        // A type variable is checked where it is declared (its bounds), not at every use.
        return false;
    }

    // ------------------------------------------------------------------ the classes of the main jars

    /** Every class under io.github.berth in the main output (directory or jar) of the modules on the class path; not tests'. */
    static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        ClassLoader loader = PublicSurfaceTest.class.getClassLoader();
        Set<String> names = new TreeSet<>();
        for (Enumeration<URL> roots = loader.getResources("io/github/berth"); roots.hasMoreElements(); ) {
            URL root = roots.nextElement();
            String where = root.toString();
            if (where.contains("/test-classes/") || where.contains("-tests.jar!")) {
                continue;
            }
            if (root.getProtocol().equals("file")) {
                Path dir = Path.of(root.toURI());
                Path base = dir.getParent().getParent().getParent();
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(
                                    className(base.relativize(f).toString().replace('\\', '/'))));
                }
            } else if (root.getProtocol().equals("jar")) {
                String jar = where.substring("jar:file:".length(), where.indexOf("!/"));
                try (JarFile file =
                        new JarFile(Path.of(new java.net.URI("file:" + jar)).toFile())) {
                    for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                        String entry = entries.nextElement().getName();
                        if (entry.startsWith("io/github/berth/") && entry.endsWith(".class")) {
                            names.add(className(entry));
                        }
                    }
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            if (!n.endsWith("package-info") && !n.endsWith("module-info")) {
                classes.add(Class.forName(n, false, loader));
            }
        }
        return classes;
    }

    private static String className(String relativePath) {
        return relativePath
                .substring(0, relativePath.length() - ".class".length())
                .replace('/', '.');
    }
}
