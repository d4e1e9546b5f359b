package io.github.berth.testkit.fuzz;

import io.github.berth.core.error.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fuzz targets share: the request types a client can send, how an input of bytes is cut
 * into parts, and the check that an entry point throws only what it documents.
 */
final class FuzzInputs {

    private FuzzInputs() {}

    /** Every request type of ECS and of Application Auto Scaling, in a fixed order (an input's first byte picks one). */
    static final List<Class<?>> REQUEST_TYPES = List.of(
            io.github.berth.core.api.CreateCapacityProviderRequest.class,
            io.github.berth.core.api.CreateClusterRequest.class,
            io.github.berth.core.api.CreateServiceRequest.class,
            io.github.berth.core.api.DeleteAttributesRequest.class,
            io.github.berth.core.api.DeleteCapacityProviderRequest.class,
            io.github.berth.core.api.DeleteClusterRequest.class,
            io.github.berth.core.api.DeleteServiceRequest.class,
            io.github.berth.core.api.DeleteTaskDefinitionsRequest.class,
            io.github.berth.core.api.DeregisterContainerInstanceRequest.class,
            io.github.berth.core.api.DeregisterTaskDefinitionRequest.class,
            io.github.berth.core.api.DescribeCapacityProvidersRequest.class,
            io.github.berth.core.api.DescribeClustersRequest.class,
            io.github.berth.core.api.DescribeContainerInstancesRequest.class,
            io.github.berth.core.api.DescribeServiceDeploymentsRequest.class,
            io.github.berth.core.api.DescribeServicesRequest.class,
            io.github.berth.core.api.DescribeTaskDefinitionRequest.class,
            io.github.berth.core.api.DescribeTasksRequest.class,
            io.github.berth.core.api.GetTaskProtectionRequest.class,
            io.github.berth.core.api.ListAccountSettingsRequest.class,
            io.github.berth.core.api.ListAttributesRequest.class,
            io.github.berth.core.api.ListClustersRequest.class,
            io.github.berth.core.api.ListContainerInstancesRequest.class,
            io.github.berth.core.api.ListServiceDeploymentsRequest.class,
            io.github.berth.core.api.ListServicesRequest.class,
            io.github.berth.core.api.ListTagsForResourceRequest.class,
            io.github.berth.core.api.ListTaskDefinitionFamiliesRequest.class,
            io.github.berth.core.api.ListTaskDefinitionsRequest.class,
            io.github.berth.core.api.ListTasksRequest.class,
            io.github.berth.core.api.PutAccountSettingRequest.class,
            io.github.berth.core.api.PutAttributesRequest.class,
            io.github.berth.core.api.PutClusterCapacityProvidersRequest.class,
            io.github.berth.core.api.RegisterContainerInstanceRequest.class,
            io.github.berth.core.api.RegisterTaskDefinitionRequest.class,
            io.github.berth.core.api.RunTaskRequest.class,
            io.github.berth.core.api.StartTaskRequest.class,
            io.github.berth.core.api.StopTaskRequest.class,
            io.github.berth.core.api.TagResourceRequest.class,
            io.github.berth.core.api.UntagResourceRequest.class,
            io.github.berth.core.api.UpdateCapacityProviderRequest.class,
            io.github.berth.core.api.UpdateClusterRequest.class,
            io.github.berth.core.api.UpdateContainerInstancesStateRequest.class,
            io.github.berth.core.api.UpdateServiceRequest.class,
            io.github.berth.core.api.UpdateTaskProtectionRequest.class,
            io.github.berth.scaling.model.DeleteScalingPolicyRequest.class,
            io.github.berth.scaling.model.DeleteScheduledActionRequest.class,
            io.github.berth.scaling.model.DeregisterScalableTargetRequest.class,
            io.github.berth.scaling.model.DescribeScalableTargetsRequest.class,
            io.github.berth.scaling.model.DescribeScalingActivitiesRequest.class,
            io.github.berth.scaling.model.DescribeScalingPoliciesRequest.class,
            io.github.berth.scaling.model.DescribeScheduledActionsRequest.class,
            io.github.berth.scaling.model.GetPredictiveScalingForecastRequest.class,
            io.github.berth.scaling.model.ListTagsForResourceRequest.class,
            io.github.berth.scaling.model.PutScalingPolicyRequest.class,
            io.github.berth.scaling.model.PutScheduledActionRequest.class,
            io.github.berth.scaling.model.RegisterScalableTargetRequest.class,
            io.github.berth.scaling.model.TagResourceRequest.class,
            io.github.berth.scaling.model.UntagResourceRequest.class);

    /** Separates the parts of a multi-part input (cluster, task definition, request...). */
    static final String PART = "\n--\n";

    /** The input as text (malformed UTF-8 becomes U+FFFD, as a reader of files would see it). */
    static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** The first {@code n} parts of {@code text} split at {@link #PART}; missing parts are empty. */
    static List<String> parts(String text, int n) {
        List<String> out = new ArrayList<>(n);
        int from = 0;
        for (int i = 0; i < n; i++) {
            int at = i == n - 1 ? -1 : text.indexOf(PART, from);
            if (from > text.length()) {
                out.add("");
            } else if (at < 0) {
                out.add(text.substring(from));
                from = text.length() + 1;
            } else {
                out.add(text.substring(from, at));
                from = at + PART.length();
            }
        }
        return out;
    }

    /** Runs {@code call}; an exception it does not document is a finding and propagates. */
    static void documented(Call call, Class<?>... allowed) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            // the AWS error types: documented by every entry point that reads or judges a request
        } catch (RuntimeException e) {
            for (Class<?> a : allowed) {
                // exact class for IllegalArgumentException: NumberFormatException is one too, and a finding
                if (a == IllegalArgumentException.class ? e.getClass() == a : a.isInstance(e)) {
                    return;
                }
            }
            throw e;
        }
    }

    interface Call {
        void run();
    }
}
