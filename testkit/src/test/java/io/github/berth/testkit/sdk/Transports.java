package io.github.berth.testkit.sdk;

import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.server.EcsServer;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The two ways the real SDK reaches the fake: over HTTP (the server) and in process (the channel). */
enum Transports {
    HTTP(ecs -> {
        EcsServer server = EcsServer.start(ecs);
        EcsClient c = EcsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEFAKEFAKEFAKE", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return new Opened(FakeEcsClients.withFakeTimeWaiters(c, ecs), server);
    }),
    IN_PROCESS(ecs -> new Opened(ecs.ecsClient(), null));

    record Opened(EcsClient client, EcsServer server) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            if (server != null) {
                server.close();
            }
        }
    }

    private final Function<FakeEcs, Opened> open;

    Transports(Function<FakeEcs, Opened> open) {
        this.open = open;
    }

    Opened open(FakeEcs ecs) {
        return open.apply(ecs);
    }
}
