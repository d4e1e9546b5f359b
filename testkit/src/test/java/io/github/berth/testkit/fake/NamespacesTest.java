package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.ListServicesByNamespaceResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.NamespaceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ListServicesByNamespace (docs/scheduler.md#service-connect-namespaces). */
class NamespacesTest {

    private static final String PROD = "arn:aws:ecs:us-east-1:123456789012:service/prod/";
    private static final String STAGING = "arn:aws:ecs:us-east-1:123456789012:service/staging/";

    /** Clusters prod (default namespace "shop") and staging, one instance each, the web definition. */
    private static FakeEcs twoClusters() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod").serviceConnectDefaults(d -> d.namespace("shop")));
        ecs.createCluster(b -> b.clusterName("staging"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("staging", "m5.large", "us-east-1a");
        ecs.registerTaskDefinition(Scenario.web());
        return ecs;
    }

    private static void service(FakeEcs ecs, String cluster, String name, Boolean enabled, String namespace) {
        ecs.createService(b -> {
            b.cluster(cluster).serviceName(name).taskDefinition("web").desiredCount(1);
            if (enabled != null) {
                b.serviceConnectConfiguration(s -> s.enabled(enabled).namespace(namespace));
            }
        });
    }

    @Test
    void listsTheServicesOfEveryClusterThatNameTheNamespace() {
        FakeEcs ecs = twoClusters();
        service(ecs, "prod", "cart", true, null); // the cluster's default namespace
        service(ecs, "prod", "search", true, "catalog");
        service(ecs, "prod", "batch", null, null); // no Service Connect
        service(ecs, "staging", "checkout", true, "shop");
        service(ecs, "staging", "off", false, "shop"); // turned off

        assertThat(ecs.listServicesByNamespace(b -> b.namespace("shop")).serviceArns())
                .containsExactly(PROD + "cart", STAGING + "checkout");
        assertThat(ecs.listServicesByNamespace(b -> b.namespace("catalog")).serviceArns())
                .containsExactly(PROD + "search");
    }

    @Test
    void anUpdateMovesAServiceToAnotherNamespaceAndADeletedServiceLeaves() {
        FakeEcs ecs = twoClusters();
        service(ecs, "prod", "cart", true, null);
        service(ecs, "prod", "search", true, null);
        ecs.updateService(b -> b.cluster("prod")
                .service("search")
                .serviceConnectConfiguration(s -> s.enabled(true).namespace("catalog")));
        ecs.deleteService(b -> b.cluster("prod").service("cart").force(true));
        ecs.clock().advance(java.time.Duration.ofMinutes(10));

        assertThat(ecs.listServicesByNamespace(b -> b.namespace("catalog")).serviceArns())
                .containsExactly(PROD + "search");
        // "shop" is still known (the cluster's default) but no service is in it any more.
        assertThat(ecs.listServicesByNamespace(b -> b.namespace("shop")).serviceArns())
                .isEmpty();
    }

    @Test
    void pagesOfTenByDefaultFollowNextToken() {
        FakeEcs ecs = twoClusters();
        for (int i = 0; i < 12; i++) {
            service(ecs, "staging", String.format("s%02d", i), true, "shop");
        }
        ListServicesByNamespaceResponse first = ecs.listServicesByNamespace(b -> b.namespace("shop"));
        assertThat(first.serviceArns()).hasSize(10).startsWith(STAGING + "s00").endsWith(STAGING + "s09");
        ListServicesByNamespaceResponse second =
                ecs.listServicesByNamespace(b -> b.namespace("shop").nextToken(first.nextToken()));
        assertThat(second.serviceArns()).containsExactly(STAGING + "s10", STAGING + "s11");
        assertThat(second.nextToken()).isNull();

        List<String> byFive = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListServicesByNamespaceResponse page = ecs.listServicesByNamespace(
                    b -> b.namespace("shop").maxResults(5).nextToken(t));
            assertThat(page.serviceArns().size()).isLessThanOrEqualTo(5);
            byFive.addAll(page.serviceArns());
            token = page.nextToken();
        } while (token != null);
        assertThat(byFive).hasSize(12);
        assertThatThrownBy(() ->
                        ecs.listServicesByNamespace(b -> b.namespace("shop").maxResults(101)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("maxResults must be between 1 and 100.");
    }

    @Test
    void aNamespaceNoClusterOrServiceNamedIsNotFound() {
        FakeEcs ecs = twoClusters();
        assertThatThrownBy(() -> ecs.listServicesByNamespace(b -> b.namespace("nowhere")))
                .isInstanceOf(NamespaceNotFoundException.class)
                .hasMessage("Failed to retrieve namespace for nowhere");
        assertThatThrownBy(() -> ecs.listServicesByNamespace(b -> b.maxResults(5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("namespace can not be null.");
    }
}
