package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code berth --version} prints the version the build put in the jar, not one kept in the code. */
class BerthVersionTest {

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void versionIsThePomVersion() {
        // Surefire passes the POM's version; a version written into the code would not follow it.
        String expected = System.getProperty("berth.expectedVersion");
        assertThat(expected).as("set by the cli POM's surefire configuration").isNotBlank();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Berth.run(
                InputStream.nullInputStream(),
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(new ByteArrayOutputStream(), true),
                "--version");
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("berth " + expected + System.lineSeparator());
    }

    @Test
    void subcommandsTakeVersionToo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Berth.run(
                        InputStream.nullInputStream(),
                        new PrintWriter(out, true, StandardCharsets.UTF_8),
                        new PrintWriter(new ByteArrayOutputStream(), true),
                        "validate",
                        "--version"))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("berth " + System.getProperty("berth.expectedVersion"));
    }

    @Test
    void aFilledInVersionIsPrinted() throws IOException {
        assertThat(BerthVersion.line(text("version=1.2.3\n"))).isEqualTo("berth 1.2.3");
    }

    @Test
    void anAbsentOrUnfilledVersionIsSaidToBeUnknown() throws IOException {
        assertThat(BerthVersion.line(null)).isEqualTo("berth (version unknown: version.properties is not in the jar)");
        assertThat(BerthVersion.line(text("version=${project.version}\n")))
                .isEqualTo("berth (version unknown: version.properties was not filled in by the build)");
        assertThat(BerthVersion.line(text("other=1\n")))
                .isEqualTo("berth (version unknown: version.properties was not filled in by the build)");
    }
}
