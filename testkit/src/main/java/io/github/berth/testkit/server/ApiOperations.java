package io.github.berth.testkit.server;

import java.util.Set;

/**
 * The operation names of the two API models the endpoint speaks, as their {@code X-Amz-Target}
 * carries them: an operation of the model the fake does not simulate is answered as such, a name
 * outside the model as an unknown operation. Copied from the botocore API models
 * ({@code ecs/2014-11-13/service-2.json}, 77 operations; {@code application-autoscaling/2016-02-06/service-2.json},
 * 14 operations).
 */
final class ApiOperations {

    private ApiOperations() {}

    /** [doc] Every operation of the ECS API model. */
    static final Set<String> ECS = Set.of(
            "ContinueServiceDeployment",
            "CreateCapacityProvider",
            "CreateCluster",
            "CreateDaemon",
            "CreateExpressGatewayService",
            "CreateService",
            "CreateTaskSet",
            "DeleteAccountSetting",
            "DeleteAttributes",
            "DeleteCapacityProvider",
            "DeleteCluster",
            "DeleteDaemon",
            "DeleteDaemonTaskDefinition",
            "DeleteExpressGatewayService",
            "DeleteService",
            "DeleteTaskDefinitions",
            "DeleteTaskSet",
            "DeregisterContainerInstance",
            "DeregisterTaskDefinition",
            "DescribeCapacityProviders",
            "DescribeClusters",
            "DescribeContainerInstances",
            "DescribeDaemon",
            "DescribeDaemonDeployments",
            "DescribeDaemonRevisions",
            "DescribeDaemonTaskDefinition",
            "DescribeExpressGatewayService",
            "DescribeServiceDeployments",
            "DescribeServiceRevisions",
            "DescribeServices",
            "DescribeTaskDefinition",
            "DescribeTaskSets",
            "DescribeTasks",
            "DiscoverPollEndpoint",
            "ExecuteCommand",
            "GetTaskProtection",
            "ListAccountSettings",
            "ListAttributes",
            "ListClusters",
            "ListContainerInstances",
            "ListDaemonDeployments",
            "ListDaemonTaskDefinitions",
            "ListDaemons",
            "ListServiceDeployments",
            "ListServices",
            "ListServicesByNamespace",
            "ListTagsForResource",
            "ListTaskDefinitionFamilies",
            "ListTaskDefinitions",
            "ListTasks",
            "PutAccountSetting",
            "PutAccountSettingDefault",
            "PutAttributes",
            "PutClusterCapacityProviders",
            "RegisterContainerInstance",
            "RegisterDaemonTaskDefinition",
            "RegisterTaskDefinition",
            "RunTask",
            "StartTask",
            "StopServiceDeployment",
            "StopTask",
            "SubmitAttachmentStateChanges",
            "SubmitContainerStateChange",
            "SubmitTaskStateChange",
            "TagResource",
            "UntagResource",
            "UpdateCapacityProvider",
            "UpdateCluster",
            "UpdateClusterSettings",
            "UpdateContainerAgent",
            "UpdateContainerInstancesState",
            "UpdateDaemon",
            "UpdateExpressGatewayService",
            "UpdateService",
            "UpdateServicePrimaryTaskSet",
            "UpdateTaskProtection",
            "UpdateTaskSet");

    /** [doc] Every operation of the Application Auto Scaling API model. */
    static final Set<String> APPLICATION_AUTO_SCALING = Set.of(
            "DeleteScalingPolicy",
            "DeleteScheduledAction",
            "DeregisterScalableTarget",
            "DescribeScalableTargets",
            "DescribeScalingActivities",
            "DescribeScalingPolicies",
            "DescribeScheduledActions",
            "GetPredictiveScalingForecast",
            "ListTagsForResource",
            "PutScalingPolicy",
            "PutScheduledAction",
            "RegisterScalableTarget",
            "TagResource",
            "UntagResource");
}
