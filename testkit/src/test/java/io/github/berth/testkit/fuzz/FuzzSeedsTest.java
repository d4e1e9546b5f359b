package io.github.berth.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.testkit.generators.ClusterState;
import io.github.berth.testkit.generators.EcsGen;
import io.github.berth.testkit.generators.PlacementGen;
import io.github.berth.testkit.property.Gen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seeds of the fuzz targets: values of testkit's generators (a fixed seed, so the same files
 * every time), written where Jazzer finds each target's inputs
 * ({@code src/test/resources/<package>/<Class>Inputs/<method>/}). Every run checks that the seeds
 * are generated as committed; {@code -Dberth.fuzz.writeSeeds=true} (re)writes them.
 */
class FuzzSeedsTest {

    private static final long SEED = 20_261_205L;
    private static final int PER_TARGET = 8;
    private static final Path INPUTS = Path.of("src/test/resources/io/github/berth/testkit/fuzz");

    static Map<String, List<byte[]>> seeds() {
        Map<String, List<byte[]>> out = new LinkedHashMap<>();
        EcsJson json = EcsJson.strict();
        List<byte[]> requests = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        List<byte[]> validation = new ArrayList<>();
        for (var td : EcsGen.taskDefinitions().samples(SEED, PER_TARGET / 2)) {
            requests.add(
                    prefixed(FuzzInputs.REQUEST_TYPES.indexOf(td.getClass().getSuperclass()), json.writePretty(td)));
            files.add(utf8(json.writePretty(td)));
            validation.add(utf8(json.write(td)));
        }
        for (var bad : EcsGen.invalidTaskDefinitions().samples(SEED, PER_TARGET / 2)) {
            files.add(utf8(json.write(bad.taskDefinition())));
            validation.add(utf8(json.writePretty(bad.taskDefinition())));
        }
        List<byte[]> scaling = new ArrayList<>();
        AutoScalingJson asJson = AutoScalingJson.strict();
        for (RegisterScalableTargetRequest t : EcsGen.scalableTargets().samples(SEED, 3)) {
            scaling.add(prefixed(0, asJson.write(t)));
            requests.add(
                    prefixed(FuzzInputs.REQUEST_TYPES.indexOf(RegisterScalableTargetRequest.class), asJson.write(t)));
        }
        for (var p : EcsGen.targetTrackingPolicies("cpu").samples(SEED, 3)) {
            scaling.add(prefixed(1, asJson.write(p)));
        }
        for (var a : EcsGen.scheduledActions("morning", Instant.parse("2024-03-01T00:00:00Z"))
                .samples(SEED, 3)) {
            scaling.add(prefixed(2, asJson.write(a)));
        }
        out.put("JsonFuzzTestInputs/readEveryRequestType", requests);
        out.put("WireFuzzTestInputs/dispatch", requests);
        out.put("JsonFuzzTestInputs/readTaskDefinitionFile", files);
        out.put("ValidationFuzzTestInputs/validateTaskDefinition", validation);
        out.put("ValidationFuzzTestInputs/validateScalingRequest", scaling);

        List<byte[]> queries = new ArrayList<>();
        for (var q : EcsGen.clusterQueryTexts().samples(SEED, PER_TARGET)) {
            queries.add(utf8(q.first()));
        }
        out.put("QueryFuzzTestInputs/parsePrintAndEvaluate", queries);

        List<byte[]> placements = new ArrayList<>();
        Gen<PlacementGen.PlacementCase> cases = EcsGen.clusters()
                .flatMap(c -> EcsGen.placementRequests(c).map(r -> new PlacementGen.PlacementCase(c, r)));
        for (PlacementGen.PlacementCase c : cases.samples(SEED, PER_TARGET)) {
            placements.add(utf8(placementInput(c.cluster(), c.request())));
        }
        out.put("PlacementFuzzTestInputs/placeRunTask", placements);

        List<byte[]> simulations = new ArrayList<>();
        List<RegisterScalableTargetRequest> targets = EcsGen.scalableTargets().samples(SEED, 4);
        List<double[]> metrics = EcsGen.metricValues(90).samples(SEED, 4);
        var policies = EcsGen.targetTrackingPolicies("cpu").samples(SEED, 4);
        var actions = EcsGen.scheduledActions("morning", Instant.parse("2024-03-04T00:00:00Z"))
                .samples(SEED, 4);
        for (int i = 0; i < 4; i++) {
            StringBuilder csv = new StringBuilder("timestamp,value\n");
            double[] v = metrics.get(i);
            for (int m = 0; m < v.length; m++) {
                if (!Double.isNaN(v[m])) {
                    csv.append(Instant.parse("2024-03-04T00:00:00Z").plusSeconds(60L * m))
                            .append(',')
                            .append(v[m])
                            .append('\n');
                }
            }
            String policy = i == 3 ? "" : asJson.write(policies.get(i));
            String action = i % 2 == 0 ? "" : asJson.write(actions.get(i));
            simulations.add(utf8(String.join(FuzzInputs.PART, csv, asJson.write(targets.get(i)), policy, action)));
        }
        out.put("ScalingFuzzTestInputs/readCsvAndSimulate", simulations);

        List<byte[]> schedules = new ArrayList<>();
        for (String cron : EcsGen.cronExpressions().samples(SEED, PER_TARGET / 2)) {
            schedules.add(utf8("cron(" + cron + ")" + FuzzInputs.PART + "Europe/Paris"));
        }
        for (String other :
                List.of("rate(5 minutes)", "rate(1 day)", "at(2024-03-05T08:00:00)", "cron(0 8 ? * MON-FRI *)")) {
            schedules.add(utf8(other + FuzzInputs.PART));
        }
        out.put("ScalingFuzzTestInputs/scheduleExpressions", schedules);
        return out;
    }

    private static String placementInput(ClusterState c, PlacementRequest r) {
        EcsJson json = EcsJson.strict();
        String instances = json.writePretty(DescribeContainerInstancesResponse.builder()
                .containerInstances(c.containerInstances())
                .build());
        String tasks =
                json.write(DescribeTasksResponse.builder().tasks(c.tasks()).build());
        RunTaskRequest run = RunTaskRequest.builder()
                .count(Math.min(10, r.count()))
                .placementConstraints(r.placementConstraints())
                .placementStrategy(r.placementStrategy())
                .group(r.group())
                .launchType(r.launchType())
                .build();
        return String.join(FuzzInputs.PART, instances, tasks, json.writePretty(r.taskDefinition()), json.write(run));
    }

    private static byte[] prefixed(int selector, String text) {
        assertThat(selector).isBetween(0, 255);
        byte[] body = utf8(text);
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) selector;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedSeedsAreTheGeneratorsOutput() throws IOException {
        boolean write = Boolean.getBoolean("berth.fuzz.writeSeeds");
        for (Map.Entry<String, List<byte[]>> target : seeds().entrySet()) {
            Path dir = INPUTS.resolve(target.getKey());
            for (int i = 0; i < target.getValue().size(); i++) {
                Path file = dir.resolve("seed-" + i);
                if (write) {
                    Files.createDirectories(dir);
                    Files.write(file, target.getValue().get(i));
                }
                assertThat(file)
                        .as("%s: run with -Dberth.fuzz.writeSeeds=true", file)
                        .exists();
                assertThat(Files.readAllBytes(file))
                        .as(file.toString())
                        .isEqualTo(target.getValue().get(i));
            }
        }
    }
}
