package io.github.berth.testkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client speaking AWS JSON 1.1 to the server, as a client in another language would. */
final class Wire {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Wire() {}

    static HttpResponse<String> ecs(EcsServer server, String operation, String body) {
        return post(
                server,
                "AmazonEC2ContainerServiceV20141113." + operation,
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static HttpResponse<String> post(EcsServer server, String target, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target != null) {
            b.header("X-Amz-Target", target);
        }
        return send(b.build());
    }

    static HttpResponse<String> control(EcsServer server, String method, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/_berth/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpResponse<String> send(HttpRequest r) {
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
