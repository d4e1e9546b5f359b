package io.github.berth.cli;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.arn.EcsArn;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code berth place}: would this RunTask fit on my cluster right now, and if not, why? Prints the
 * RunTask response ECS would give; the explanation of failures goes to standard error.
 */
@Command(
        name = "place",
        description = {
            "Place a RunTask request on a cluster as ECS would, from describe-container-instances and describe-tasks output.",
            "Prints the RunTask response (tasks and failures) as JSON; why tasks did not fit goes to standard error.",
            "Exit status: 0 every task placed, 1 some not placed, 2 bad input (a file that cannot be read, is not such "
                    + "JSON or is a task definition ECS would not register, or a request ECS would refuse).",
            "One FILE may be -, standard input."
        })
final class PlaceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--instances",
            required = true,
            paramLabel = "FILE",
            description = "a DescribeContainerInstances response (aws ecs describe-container-instances)")
    Path instances;

    @Option(names = "--tasks", paramLabel = "FILE", description = "a DescribeTasks response (aws ecs describe-tasks)")
    @Nullable
    Path tasks;

    @Option(
            names = "--task-definition",
            required = true,
            paramLabel = "FILE",
            description = "a RegisterTaskDefinition input or a DescribeTaskDefinition output")
    Path taskDefinition;

    @Option(
            names = "--request",
            required = true,
            paramLabel = "FILE",
            description = "a RunTask request (its taskDefinition member may be omitted)")
    Path request;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "seed of the random choices (default 0)")
    long seed;

    @Option(
            names = "--awsvpc-trunking",
            description = "the awsvpcTrunking account setting is on (only instances with "
                    + "a trunk interface, attribute ecs.awsvpc-trunk-id, get the higher ENI limit, as in ECS)")
    boolean trunking;

    @Option(
            names = "--subnets",
            paramLabel = "FILE",
            description =
                    "aws ec2 describe-subnets output: the AZ of the request's subnets (Fargate tasks' availabilityZone)")
    @Nullable
    Path subnets;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String twice = Files.stdinTwice(instances, tasks, taskDefinition, request, subnets);
        if (twice != null) {
            err.println("berth place: " + twice);
            return 2;
        }
        try {
            ClusterSnapshot snapshot = Files.snapshot(
                    instances, tasks, trunking, subnets == null ? List.of() : DescribeSubnets.read(subnets));
            TaskDefinitionFile file = Files.readTaskDefinitionFile(taskDefinition);
            // A definition ECS would not have registered cannot be run: say why, as berth validate does.
            List<Violation> violations = TaskDefinitionValidator.validate(file.request());
            if (!violations.isEmpty()) {
                err.println("berth place: " + taskDefinition + ": not a task definition ECS would register:");
                violations.forEach(v -> err.println("  " + v));
                return 2;
            }
            TaskDefinition td = file.taskDefinition();
            RunTaskRequest run = Files.readJson(request, EcsJson.strict(), RunTaskRequest.class);
            String mismatch = mismatch(run.taskDefinition(), td);
            if (mismatch != null) {
                err.println(
                        "berth place: " + request + ": taskDefinition: " + mismatch + " (the task definition placed is "
                                + taskDefinition + "'s; leave taskDefinition out or name it)");
                return 2;
            }
            PlacementRequest placement =
                    PlacementRequest.fromRunTask(run, td).toBuilder().seed(seed).build();
            PlacementResult result = PlacementEngine.place(snapshot, placement);
            out.println(EcsJson.lenient().writePretty(result.toRunTaskResponse()));
            out.flush();
            result.explain().forEach(err::println);
            // ECS always says where a task runs; Berth can only when it knows the subnet's AZ.
            result.placements().stream()
                    .filter(p -> p.availabilityZone() == null && p.eniSubnetId() != null)
                    .map(p -> p.eniSubnetId())
                    .distinct()
                    .forEach(s -> err.println("availabilityZone unknown for subnet " + s
                            + ": give --subnets (aws ec2 describe-subnets output) to know it"));
            err.flush();
            return result.allPlaced() ? 0 : 1;
        } catch (SerializationException e) {
            err.println("berth place: " + e.getMessage());
            return 2;
        } catch (AwsServiceException e) {
            err.println("berth place: " + e.errorCode() + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("berth place: " + e.getMessage()); // FILE: the problem
            return 2;
        } catch (RuntimeException e) {
            // A bug of Berth's, not the input's: one line, and not exit 1, which means "some tasks not placed".
            err.println("berth place: internal error: " + e);
            return 2;
        }
    }

    /**
     * Why the RunTask request's {@code taskDefinition} (a family, {@code family:revision} or an ARN)
     * does not name the definition given, or null when it does or is absent.
     */
    static @Nullable String mismatch(@Nullable String named, TaskDefinition td) {
        if (named == null) {
            return null;
        }
        String family = named;
        String revision = null;
        if (named.startsWith("arn:")) {
            EcsArn arn;
            try {
                arn = EcsArn.parse(named);
            } catch (IllegalArgumentException e) {
                return "'" + named + "' is not a task definition ARN: " + e.getMessage();
            }
            if (arn.type() != EcsArn.Type.TASK_DEFINITION) {
                return "'" + named + "' is not a task definition ARN";
            }
            family = arn.name();
            revision = String.valueOf(arn.revision());
        } else if (named.lastIndexOf(':') >= 0) {
            family = named.substring(0, named.lastIndexOf(':'));
            revision = named.substring(named.lastIndexOf(':') + 1);
        }
        if (!family.equals(td.family())) {
            return "'" + named + "' names the family " + family + ", not " + td.family();
        }
        if (revision != null && td.revision() != null && !revision.equals(String.valueOf(td.revision()))) {
            return "'" + named + "' names revision " + revision + ", not " + td.revision();
        }
        return null;
    }
}
