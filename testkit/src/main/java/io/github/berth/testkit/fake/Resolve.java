package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.ClusterNotFoundException;
import io.github.berth.core.error.InvalidParameterException;
import java.util.Collection;

/**
 * Finds the resources a request names, by name, id or ARN, as ECS accepts them, and builds the
 * errors ECS answers when a request is wrong: the one place that knows those texts for the fake.
 */
final class Resolve {

    /** [doc] An omitted {@code cluster} means the cluster named {@code default} (RunTask and others). */
    static final String DEFAULT_CLUSTER = "default";

    private Resolve() {}

    /** The last path element of an ARN ({@code .../name}) or the value itself. */
    static String nameOf(String nameOrArn) {
        if (nameOrArn.startsWith("arn:")) {
            int slash = nameOrArn.lastIndexOf('/');
            return slash < 0 ? nameOrArn : nameOrArn.substring(slash + 1);
        }
        return nameOrArn;
    }

    /** The cluster a request names; it must exist and be ACTIVE. */
    static ClusterRec activeCluster(Engine e, @Nullable String cluster) {
        ClusterRec c = anyCluster(e, cluster);
        if (!c.active()) {
            throw new ClusterNotFoundException("Cluster not found.");
        }
        return c;
    }

    /** The cluster a request names, ACTIVE or not. */
    static ClusterRec anyCluster(Engine e, @Nullable String cluster) {
        String name = clusterName(cluster);
        ClusterRec c = e.clusters.get(name);
        if (c == null || (cluster != null && cluster.startsWith("arn:") && !c.arn.equals(cluster))) {
            // [obs] ECS's text, as SDK users match it (moto mirrors it).
            throw new ClusterNotFoundException("Cluster not found.");
        }
        return c;
    }

    static String clusterName(@Nullable String cluster) {
        if (cluster == null || cluster.isEmpty()) {
            return DEFAULT_CLUSTER;
        }
        if (cluster.startsWith("arn:")) {
            int slash = cluster.indexOf(":cluster/");
            if (slash < 0) {
                throw new InvalidParameterException("Invalid identifier: Unexpected ARN format: " + cluster);
            }
            return cluster.substring(slash + ":cluster/".length());
        }
        return cluster;
    }

    /** The id in a task ARN ({@code .../cluster/id}) or the id itself. */
    static String taskId(String task) {
        return nameOf(task);
    }

    static InvalidParameterException invalid(String message) {
        return new InvalidParameterException(message);
    }

    static ClientException client(String message) {
        return new ClientException(message);
    }

    /** Refuses a list member with more than {@code max} items (ECS's batch limits). */
    static void atMost(@Nullable Collection<?> list, int max, String member) {
        if (list != null && list.size() > max) {
            throw new InvalidParameterException(member + " can have at most " + max + " items.");
        }
    }

    static <T> T required(@Nullable T value, String member) {
        if (value == null) {
            // The AWS SDKs check required members before sending; the service answers this form.
            throw new InvalidParameterException(member + " can not be null.");
        }
        return value;
    }
}
