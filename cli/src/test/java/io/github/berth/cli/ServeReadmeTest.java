package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code berth serve} and the AWS CLI lines of the README's "The two commands": the lines run as
 * written (with the endpoint serve printed), and print what the README says they print. Skipped,
 * with a message, where the AWS CLI is not installed.
 */
class ServeReadmeTest {

    private static final Path README = Path.of("..", "README.md");

    /** A serve command running in a thread, stopped by {@link #close()} as Ctrl-C would. */
    static final class Served implements AutoCloseable {
        final ServeCommand command = new ServeCommand();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int exit = -1;

        Served(String... args) throws InterruptedException {
            CommandLine cl = new CommandLine(command);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit = cl.execute(args));
            thread.start();
            for (int i = 0; i < 200 && !out.toString().contains("AWS_SECRET_ACCESS_KEY") && thread.isAlive(); i++) {
                Thread.sleep(25);
            }
        }

        String endpoint() {
            Matcher m = Pattern.compile("export AWS_ENDPOINT_URL=(\\S+)").matcher(out.toString());
            assertThat(m.find()).as("serve printed the endpoint: " + out + err).isTrue();
            return m.group(1);
        }

        @Override
        public void close() throws InterruptedException {
            command.stop.countDown();
            thread.join(5000);
        }
    }

    @Test
    void servePrintsTheEndpointAndTheLinesToPaste() throws Exception {
        try (Served s = new Served("--port", "0", "--seed", "3")) {
            String out = s.out.toString();
            assertThat(out).startsWith("Berth: fake Amazon ECS and Application Auto Scaling on http://127.0.0.1:");
            assertThat(out)
                    .contains(
                            "export AWS_DEFAULT_REGION=us-east-1\n",
                            "export AWS_ACCESS_KEY_ID=AKIDFAKEFAKEFAKEFAKE\n",
                            "export AWS_SECRET_ACCESS_KEY=fakefakefakefakefakefakefakefakefakefake\n");
            assertThat(s.endpoint()).matches("http://127\\.0\\.0\\.1:[0-9]+");
        }
    }

    @Test
    void serveRefusesAHostThatIsNotLoopbackWithoutAllowRemote() throws Exception {
        try (Served s = new Served("--host", "0.0.0.0")) {
            s.thread.join(5000);
            assertThat(s.exit).isEqualTo(2);
            assertThat(s.err.toString())
                    .startsWith(
                            "berth serve: 0.0.0.0 is not a loopback address: the fake checks no "
                                    + "credentials, so it listens on this machine only; give --allow-remote to listen on 0.0.0.0 anyway");
            assertThat(s.out.toString()).isEmpty();
        }
    }

    @Test
    void stateIsSavedWhenStoppedAndLoadedAtTheNextStart(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        try (Served s = new Served("--state", state.toString(), "--time-scale", "0")) {
            assertThat(post(s.endpoint(), "CreateCluster", "{\"clusterName\":\"kept\"}"))
                    .contains("cluster/kept");
        }
        assertThat(state).exists();
        try (Served s = new Served("--state", state.toString())) {
            assertThat(post(s.endpoint(), "ListClusters", "{}"))
                    .isEqualTo("{\"clusterArns\":[\"arn:aws:ecs:us-east-1:123456789012:cluster/kept\"]}");
        }
        java.nio.file.Files.writeString(state, "not json");
        try (Served s = new Served("--state", state.toString())) {
            s.thread.join(5000);
            assertThat(s.exit).isEqualTo(2);
            assertThat(s.err.toString()).startsWith("berth serve: " + state + ": ");
        }
    }

    private static String post(String endpoint, String op, String body) throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(endpoint + "/"))
                                .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + op)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    @Test
    void serveRefusesANegativeTimeScale() throws Exception {
        try (Served s = new Served("--time-scale", "-1")) {
            s.thread.join(5000);
            assertThat(s.exit).isEqualTo(2);
            assertThat(s.err.toString())
                    .isEqualTo("berth serve: --time-scale must be 0 or more: -1.0" + System.lineSeparator());
        }
    }

    @Test
    void theReadmesCliLinesRunAgainstServeAndPrintWhatTheReadmeSays() throws Exception {
        assumeTrue(awsCliAvailable(), "the AWS CLI (aws) is not on the PATH: the README's CLI lines were not run");
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```(?:sh)?\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(readme.substring(readme.indexOf("## The two commands")));
        while (m.find() && blocks.size() < 4) {
            blocks.add(m.group(1));
        }
        assertThat(blocks.get(0)).isEqualTo("mvn -q -DskipTests package && java -jar cli/target/berth.jar serve");
        String lines = blocks.get(1);
        String expected = blocks.get(2);
        assertThat(lines).startsWith("export AWS_ENDPOINT_URL=http://127.0.0.1:PORT ");

        try (Served s = new Served()) {
            String script = "set -e\n" + lines.replace("http://127.0.0.1:PORT", s.endpoint()) + "\n";
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
            Map<String, String> env = pb.environment();
            // Isolated from any real AWS profile on the machine, as docs/wire.md tells users.
            env.put("AWS_CONFIG_FILE", "/nonexistent");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_PAGER", "");
            env.put("AWS_MAX_ATTEMPTS", "1");
            env.remove("AWS_PROFILE");
            Process p = pb.start();
            p.getOutputStream().close();
            assertThat(p.waitFor(120, TimeUnit.SECONDS))
                    .as("the CLI lines finished")
                    .isTrue();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("exit status; stderr: " + stderr).isZero();
            assertThat(stdout.strip()).isEqualTo(expected.strip());
        }
    }

    private static boolean awsCliAvailable() {
        try {
            Process p = new ProcessBuilder("aws", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
