package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.ListServicesByNamespaceRequest;
import io.github.berth.core.api.ListServicesByNamespaceResponse;
import io.github.berth.core.error.NamespaceNotFoundException;
import io.github.berth.core.model.ServiceConnectConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cloud Map namespaces of Service Connect, as far as the fake knows them, and
 * ListServicesByNamespace (docs/scheduler.md#service-connect-namespaces).
 *
 * <p>[model] The fake has no Cloud Map: a namespace it knows is one that a cluster's {@code
 * serviceConnectDefaults} or a service's {@code serviceConnectConfiguration} named, spelled as it was
 * named (a name and the ARN of the same namespace are two namespaces to the fake, since a Cloud Map
 * ARN carries the namespace's id, not its name).
 */
final class Namespaces {

    private final Engine e;

    Namespaces(Engine e) {
        this.e = e;
    }

    /**
     * The namespace a service's Service Connect configuration puts it in: its own {@code namespace}, else
     * the cluster's default namespace; null when Service Connect is off. [doc] API
     * ClusterServiceConnectDefaultsRequest: the cluster's namespace is "used when you create a service
     * and don't specify" one; [model] the fake applies it when the configuration is enabled and names
     * no namespace, and does not turn Service Connect on for services that have no configuration.
     */
    static @Nullable String ofService(ClusterRec c, @Nullable ServiceConnectConfiguration config) {
        if (config == null || !Boolean.TRUE.equals(config.enabled())) {
            return null;
        }
        if (config.namespace() != null && !config.namespace().isEmpty()) {
            return config.namespace();
        }
        return c.serviceConnectDefaults == null
                        || c.serviceConnectDefaults.namespace() == null
                        || c.serviceConnectDefaults.namespace().isEmpty()
                ? null
                : c.serviceConnectDefaults.namespace();
    }

    boolean known(String namespace) {
        if (namespace.isEmpty()) {
            return false;
        }
        for (ClusterRec c : e.clusters.values()) {
            if (c.serviceConnectDefaults != null && namespace.equals(c.serviceConnectDefaults.namespace())) {
                return true;
            }
            for (ServiceRec s : c.services.values()) {
                if (namespace.equals(s.serviceConnectNamespace)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * ListServicesByNamespace: the ARNs of the services, in every cluster, whose Service Connect
     * configuration names the namespace; clusters in creation order, services in creation order. [model]
     * ACTIVE and DRAINING services are listed, INACTIVE ones are not (as ListServices does).
     */
    ListServicesByNamespaceResponse list(ListServicesByNamespaceRequest r) {
        String namespace = Resolve.required(r.namespace(), "namespace");
        if (!known(namespace)) {
            // [obs] ECS's text when a namespace is not found (seen on CreateService,
            // terraform-aws-modules/terraform-aws-ecs#116); [unsure] that this operation says the same.
            throw new NamespaceNotFoundException("Failed to retrieve namespace for " + namespace);
        }
        List<String> arns = new ArrayList<>();
        for (ClusterRec c : e.clusters.values()) {
            for (ServiceRec s : c.services.values()) {
                if (namespace.equals(s.serviceConnectNamespace) && !"INACTIVE".equals(s.status)) {
                    arns.add(s.arn);
                }
            }
        }
        // [doc] maxResults 1 to 100, 10 by default (API ListServicesByNamespace); the paginator follows
        // nextToken and collects serviceArns.
        Pages.Page<String> page = Pages.page(arns, r.maxResults(), r.nextToken(), 100, 10);
        return ListServicesByNamespaceResponse.builder()
                .serviceArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }
}
