package io.github.berth.testkit.generators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The Berth model types on the class path, found by listing their packages (directories or jars). */
final class ModelTypes {

    static final List<String> PACKAGES =
            List.of("io.github.berth.core.model", "io.github.berth.core.api", "io.github.berth.scaling.model");

    private ModelTypes() {}

    static List<Class<?>> all() {
        List<Class<?>> out = new ArrayList<>();
        for (String pkg : PACKAGES) {
            for (String name : classNames(pkg)) {
                try {
                    Class<?> c = Class.forName(name);
                    if (ModelGen.isModelType(c)) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }

    private static List<String> classNames(String pkg) {
        String dir = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = ModelTypes.class.getClassLoader().getResources(dir);
            for (URL url : Collections.list(urls)) {
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(p -> p.getFileName().toString())
                                .filter(ModelTypes::isTopLevelClass)
                                .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        for (JarEntry e : Collections.list(jar.entries())) {
                            String n = e.getName();
                            if (n.startsWith(dir + "/")
                                    && n.indexOf('/', dir.length() + 1) < 0
                                    && isTopLevelClass(n.substring(dir.length() + 1))) {
                                names.add(n.substring(0, n.length() - ".class".length())
                                        .replace('/', '.'));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no classes found in package " + pkg);
        }
        return names;
    }

    private static boolean isTopLevelClass(String file) {
        return file.endsWith(".class")
                && !file.contains("$")
                && !file.startsWith("Immutable")
                && !file.equals("package-info.class");
    }
}
