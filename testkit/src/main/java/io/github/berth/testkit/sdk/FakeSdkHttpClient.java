package io.github.berth.testkit.sdk;

import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.server.Dispatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The AWS SDK for Java v2's HTTP client interface, answered in process by a {@link FakeEcs}: the
 * SDK marshals each request as it would for the network (headers, JSON body), and this client
 * hands it to the same {@link Dispatcher} as the HTTP server, with no socket. Any endpoint, region
 * and credentials work.
 *
 * <pre>{@code
 * EcsClient ecs = EcsClient.builder()
 *     .httpClient(fake.sdkHttpClient())
 *     .region(Region.US_EAST_1)
 *     .endpointOverride(URI.create("http://berth.invalid"))
 *     .credentialsProvider(AnonymousCredentialsProvider.create())
 *     .build();
 * }</pre>
 */
public final class FakeSdkHttpClient implements SdkHttpClient {

    private final Dispatcher dispatcher;

    public FakeSdkHttpClient(FakeEcs fake) {
        this(Dispatcher.of(Objects.requireNonNull(fake, "fake")));
    }

    public FakeSdkHttpClient(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                byte[] body;
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream in = request.contentStreamProvider().get().newStream()) {
                        body = in.readAllBytes();
                    }
                } else {
                    body = new byte[0];
                }
                String target = request.httpRequest()
                        .firstMatchingHeader("X-Amz-Target")
                        .orElse(null);
                Dispatcher.Answer a = dispatcher.handle(target, body);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder()
                        .statusCode(a.status())
                        .putHeader("Content-Type", Dispatcher.CONTENT_TYPE)
                        .putHeader("Content-Length", Integer.toString(a.body().length))
                        .putHeader("x-amzn-RequestId", a.requestId());
                if (a.errorType() != null) {
                    response.putHeader("x-amzn-ErrorType", a.errorType());
                }
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(a.body())))
                        .build();
            }

            @Override
            public void abort() {
                // Answered synchronously in the caller's thread: nothing under way to abort.
            }
        };
    }

    @Override
    public String clientName() {
        return "BerthInProcess";
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
