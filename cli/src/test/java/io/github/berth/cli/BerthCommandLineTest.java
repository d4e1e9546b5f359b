package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The command line adds only the subcommand its arguments name (start-up time); help, an unknown
 * subcommand and options before any subcommand still see them all.
 */
class BerthCommandLineTest {

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Berth.run(
                InputStream.nullInputStream(),
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageListsEverySubcommandInOrder() {
        Run run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .containsSubsequence("validate", "place", "query", "simulate-scaling", "serve", "lint", "help");
    }

    @Test
    void helpNamesAnySubcommand() {
        Run run = run("help", "lint");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: berth lint");
    }

    @Test
    void aNamedSubcommandTakesHelp() {
        Run run = run("serve", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: berth serve").contains("--time-scale");
    }

    @Test
    void anUnknownSubcommandIsRefused() {
        Run run = run("deploy");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'deploy'");
    }
}
