package io.github.berth.cli;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import io.github.berth.placement.query.QuerySyntaxException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code berth query}: the container instances a cluster query language expression matches. */
@Command(
        name = "query",
        description = {
            "Print the ARN of each container instance a cluster query language expression matches, one a line, in input "
                    + "order (what ListContainerInstances with --filter returns).",
            "Exit status: 0 on success, 2 when the expression does not parse (the column is shown) or a file is bad.",
            "One FILE may be -, standard input."
        })
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--instances",
            required = true,
            paramLabel = "FILE",
            description = "a DescribeContainerInstances response")
    Path instances;

    @Option(
            names = "--tasks",
            paramLabel = "FILE",
            description = "a DescribeTasks response (for task:group and runningTasksCount)")
    @Nullable
    Path tasks;

    @Parameters(index = "0", paramLabel = "EXPRESSION", description = "e.g. 'attribute:ecs.instance-type =~ t2.*'")
    String expression;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Expression parsed;
        try {
            parsed = ClusterQuery.parse(expression);
        } catch (QuerySyntaxException e) {
            err.println("berth query: " + e.getMessage());
            err.println("  " + expression);
            err.println("  " + " ".repeat(Math.max(0, e.column() - 1)) + "^");
            return 2;
        }
        String twice = Files.stdinTwice(instances, tasks);
        if (twice != null) {
            err.println("berth query: " + twice);
            return 2;
        }
        try {
            ClusterSnapshot snapshot = Files.snapshot(instances, tasks, false);
            snapshot.filter(parsed).forEach(out::println);
            out.flush();
            return 0;
        } catch (SerializationException e) {
            err.println("berth query: " + e.getMessage());
            return 2;
        } catch (AwsServiceException e) {
            err.println("berth query: " + e.errorCode() + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("berth query: " + e.getMessage()); // FILE: the problem
            return 2;
        } catch (RuntimeException e) {
            // A bug of Berth's, not the input's: one line rather than a stack trace.
            err.println("berth query: internal error: " + e);
            return 2;
        }
    }
}
