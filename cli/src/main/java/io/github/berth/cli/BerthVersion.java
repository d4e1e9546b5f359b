package io.github.berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code berth --version} prints: the version the build wrote into the jar
 * ({@code version.properties}, filled from the POM), never a copy kept in the code.
 */
final class BerthVersion implements CommandLine.IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        try (InputStream in = BerthVersion.class.getResourceAsStream(RESOURCE)) {
            return new String[] {line(in)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bare version the build wrote into the jar ({@code 0.1.0-SNAPSHOT}), or {@code unknown}. */
    static String number() {
        String line = new BerthVersion().getVersion()[0];
        return line.startsWith("berth (") ? "unknown" : line.substring("berth ".length());
    }

    /** The version line from the properties the build wrote; {@code in} is null when there are none. */
    static String line(InputStream in) throws IOException {
        if (in == null) {
            return "berth (version unknown: " + RESOURCE + " is not in the jar)";
        }
        Properties p = new Properties();
        p.load(in);
        String version = p.getProperty("version");
        if (version == null || version.isBlank() || version.startsWith("${")) {
            return "berth (version unknown: " + RESOURCE + " was not filled in by the build)";
        }
        return "berth " + version;
    }
}
