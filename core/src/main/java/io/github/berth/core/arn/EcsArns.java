package io.github.berth.core.arn;

/**
 * Formats the long-format ARNs of ECS resources for one partition, region and account (Application
 * Auto Scaling's are formatted by {@code io.github.berth.scaling.AutoScalingArns}).
 *
 * <pre>{@code
 * EcsArns arns = EcsArns.of("us-east-1", "123456789012");
 * arns.taskDefinition("web", 3);   // arn:aws:ecs:us-east-1:123456789012:task-definition/web:3
 * }</pre>
 */
public final class EcsArns {

    private final String partition;
    private final String region;
    private final String account;
    /** {@code arn:<partition>:ecs:<region>:<account>:}, made once: minting an ARN is then one concatenation. */
    private final String ecsPrefix;

    private EcsArns(String partition, String region, String account) {
        this.partition = partition;
        this.region = region;
        this.account = account;
        this.ecsPrefix = "arn:" + partition + ":ecs:" + region + ":" + account + ":";
    }

    /** ARNs in the {@code aws} partition. */
    public static EcsArns of(String region, String account) {
        return new EcsArns("aws", region, account);
    }

    public static EcsArns of(String partition, String region, String account) {
        return new EcsArns(partition, region, account);
    }

    public String region() {
        return region;
    }

    public String account() {
        return account;
    }

    private String ecs(String resource) {
        return ecsPrefix + resource;
    }

    public String cluster(String cluster) {
        return ecsPrefix + "cluster/" + cluster;
    }

    public String service(String cluster, String service) {
        return ecs("service/" + cluster + "/" + service);
    }

    public String task(String cluster, String taskId) {
        return ecsPrefix + "task/" + cluster + "/" + taskId;
    }

    public String containerInstance(String cluster, String containerInstanceId) {
        return ecs("container-instance/" + cluster + "/" + containerInstanceId);
    }

    public String container(String cluster, String taskId, String containerUuid) {
        return ecsPrefix + "container/" + cluster + "/" + taskId + "/" + containerUuid;
    }

    public String taskDefinition(String family, int revision) {
        return ecs("task-definition/" + family + ":" + revision);
    }

    public String taskSet(String cluster, String service, String taskSetId) {
        return ecs("task-set/" + cluster + "/" + service + "/" + taskSetId);
    }

    public String capacityProvider(String name) {
        return ecs("capacity-provider/" + name);
    }

    public String serviceDeployment(String cluster, String service, String id) {
        return ecs("service-deployment/" + cluster + "/" + service + "/" + id);
    }

    public String serviceRevision(String cluster, String service, String id) {
        return ecs("service-revision/" + cluster + "/" + service + "/" + id);
    }
}
