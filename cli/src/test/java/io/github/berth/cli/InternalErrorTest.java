package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A failure inside Berth (an exception no command expects) ends the command with exit status 70 and
 * one line on standard error, never a stack trace; bad input keeps its own status (2).
 */
class InternalErrorTest {

    /** Standard input that fails the way a bug would: with an unchecked exception, not an IOException. */
    private static final class BrokenInput extends InputStream {
        @Override
        public int read() {
            throw new IllegalStateException("the input broke");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            throw new IllegalStateException("the input broke");
        }
    }

    @Test
    void anUnexpectedExceptionIsOneLineAndExitStatus70() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Berth.run(new BrokenInput(), new PrintWriter(out), new PrintWriter(err), "validate", "-");
        assertThat(status).isEqualTo(70);
        assertThat(err.toString())
                .isEqualTo("berth validate: internal error: IllegalStateException: the input broke "
                        + "(a bug in Berth; please report it with the command line)" + System.lineSeparator());
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void badInputIsNotAnInternalError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Berth.run(
                InputStream.nullInputStream(),
                new PrintWriter(out),
                new PrintWriter(err),
                "query",
                "--instances",
                "-",
                "attribute:a ==");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("internal error").doesNotContain("\tat ");
    }

    @Test
    void theTopLevelHelpListsTheInternalErrorStatus() {
        StringWriter out = new StringWriter();
        Berth.run(InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        // picocli wraps the footer to the terminal's width: compare the words.
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("70 when Berth itself fails (a bug: one line on " + "standard error, never a stack trace).");
    }
}
