package io.github.berth.testkit.generators;

import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import java.util.List;
import java.util.Objects;

/**
 * A generated ECS cluster as the describe calls would show it: the cluster, its container instances
 * (spread over {@link #availabilityZones()}), the task definitions in use and the tasks already
 * running or pending on the instances. The accounting is consistent: each instance's
 * {@code remainingResources} are its {@code registeredResources} less what its tasks reserve, and
 * the task counts of instances and cluster match the tasks.
 *
 * @param cluster the cluster, with its instance and task counts
 * @param availabilityZones the AZs that hold instances, 1 to 6
 * @param containerInstances the instances, in registration order
 * @param taskDefinitions the registered task definitions the tasks use
 * @param tasks the tasks, each on one of the instances
 */
public record ClusterState(
        Cluster cluster,
        List<String> availabilityZones,
        List<ContainerInstance> containerInstances,
        List<TaskDefinition> taskDefinitions,
        List<Task> tasks) {

    public ClusterState {
        availabilityZones = List.copyOf(availabilityZones);
        containerInstances = List.copyOf(containerInstances);
        taskDefinitions = List.copyOf(taskDefinitions);
        tasks = List.copyOf(tasks);
    }

    /** The tasks on {@code instance}. */
    public List<Task> tasksOn(ContainerInstance instance) {
        return tasks.stream()
                .filter(t -> Objects.equals(t.containerInstanceArn(), instance.containerInstanceArn()))
                .toList();
    }

    /** The task definition {@code task} runs. */
    public TaskDefinition taskDefinitionOf(Task task) {
        String arn = task.taskDefinitionArn();
        return taskDefinitions.stream()
                .filter(td -> arn != null && arn.equals(td.taskDefinitionArn()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no task definition " + task.taskDefinitionArn() + " in this cluster"));
    }

    /** The instances in {@code availabilityZone} (by their {@code ecs.availability-zone} attribute). */
    public List<ContainerInstance> instancesIn(String availabilityZone) {
        return containerInstances.stream()
                .filter(i -> Registration.nonNull(i.attributes()).stream()
                        .anyMatch(a -> "ecs.availability-zone".equals(a.name()) && availabilityZone.equals(a.value())))
                .toList();
    }
}
