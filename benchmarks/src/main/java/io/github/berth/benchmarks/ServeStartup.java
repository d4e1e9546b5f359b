package io.github.berth.benchmarks;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A timed harness (not JMH: it measures one process start): how long {@code berth serve} takes from
 * the launch of its JVM to the first answered ECS request, ListClusters over HTTP.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.berth.benchmarks.ServeStartup cli/target/berth.jar [runs]</pre>
 */
public final class ServeStartup {

    private ServeStartup() {}

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "cli/target/berth.jar";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        for (int run = 0; run < runs; run++) {
            int port = 18600 + run;
            long start = System.nanoTime();
            Process p = new ProcessBuilder(java, "-jar", jar, "serve", "--port", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .header("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            long millis = -1;
            for (int i = 0; i < 6000; i++) {
                try {
                    HttpResponse<String> r = http.send(list, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        millis = (System.nanoTime() - start) / 1_000_000;
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    Thread.sleep(2);
                }
            }
            p.destroy();
            p.waitFor();
            System.out.println("serve start to first answered request: " + millis + " ms");
        }
    }
}
