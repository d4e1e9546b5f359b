package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.InferenceAccelerator;
import io.github.berth.core.model.MountPoint;
import io.github.berth.core.model.ProxyConfiguration;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.VolumeFrom;
import io.github.berth.core.validation.internal.Violations;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The container list (docs/task-definitions.md#containers): 1-10 containers, each with a valid unique name and an image, at
 * least one of them essential, and dependencies that name containers of the task and do not wait for
 * an essential container to exit; links that name containers of the task; health checks within their
 * bounds; and an execution role when containers use secrets or private registry credentials.
 */
final class ContainerRule implements TaskDefinitionRule {

    /** "Containers per task definition", not adjustable (docs/task-definitions.md#quotas). */
    static final int MAX_CONTAINERS = 10;

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_IMAGE_LENGTH = 255;

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        List<ContainerDefinition> containers = td.containers;
        if (containers.isEmpty()) {
            out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.CONTAINER_LIST_EMPTY);
            return;
        }
        if (containers.size() > MAX_CONTAINERS) {
            out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.TOO_MANY_CONTAINERS);
        }
        Map<String, ContainerDefinition> byName = new HashMap<>();
        boolean anyEssential = false;
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            checkName(c, i, byName, out);
            String image = c.image();
            if (image == null || image.isBlank()) {
                out.client(
                        TaskDefinitionContext.container(i).child("image"),
                        TaskDefinitionMessages.CONTAINER_IMAGE_BLANK);
            } else {
                checkImage(image, c, i, out);
            }
            anyEssential |= TaskDefinitionContext.essential(c);
        }
        if (!anyEssential) {
            out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.NO_ESSENTIAL_CONTAINER);
        }
        boolean secrets = false;
        boolean privateRegistry = false;
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            checkDependencies(c, i, byName, out);
            checkLinks(c, i, byName, out);
            checkVolumeReferences(td, c, i, byName, out);
            checkHealthCheck(c, i, out);
            checkInferenceAccelerators(td, c, i, out);
            secrets |= c.secrets() != null && !c.secrets().isEmpty();
            privateRegistry |= c.repositoryCredentials() != null;
        }
        if (hasLinkCycle(containers, byName)) {
            out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.LINKS_CYCLE);
        }
        checkAcceleratorsReferenced(td, out);
        ProxyConfiguration proxy = td.request.proxyConfiguration();
        if (proxy != null && proxy.containerName() != null && !byName.containsKey(proxy.containerName())) {
            out.client(
                    JsonPath.root().child("proxyConfiguration").child("containerName"),
                    TaskDefinitionMessages.unknownProxyContainer(proxy.containerName()));
        }
        String role = td.request.executionRoleArn();
        if (role == null || role.isBlank()) {
            // The execution role fetches secrets and registry credentials on every launch type (DG
            // task_execution_IAM_role); ECS's texts name no launch type.
            if (secrets) {
                out.client(EXECUTION_ROLE, TaskDefinitionMessages.SECRETS_NEED_EXECUTION_ROLE);
            }
            if (privateRegistry) {
                out.client(EXECUTION_ROLE, TaskDefinitionMessages.PRIVATE_REGISTRY_NEEDS_EXECUTION_ROLE);
            }
        }
    }

    private static final JsonPath EXECUTION_ROLE = JsonPath.root().child("executionRoleArn");

    /**
     * Each link, {@code name} or {@code name:alias} (API ContainerDefinition.links), names a container of
     * the task. Where links are allowed at all is {@link NetworkModeRule}'s.
     */
    private static void checkLinks(
            ContainerDefinition c, int i, Map<String, ContainerDefinition> byName, Violations out) {
        List<String> links = c.links();
        if (links == null) {
            return;
        }
        for (int j = 0; j < links.size(); j++) {
            String link = links.get(j);
            if (link == null || link.isEmpty()) {
                continue;
            }
            int colon = link.indexOf(':');
            String target = colon < 0 ? link : link.substring(0, colon);
            if (!byName.containsKey(target)) {
                out.client(
                        TaskDefinitionContext.container(i).child("links").index(j),
                        TaskDefinitionMessages.unknownLink(target, TaskDefinitionContext.name(c)));
            }
        }
    }

    /**
     * API ContainerDefinition.image [doc]: "up to 255 characters" for {@code repository-url/image:tag}; with a
     * digest ({@code image@digest}) "the 255 character limit applies only to the repository URL and image name
     * (everything before the @ sign)", and "The only supported hash function is sha256, and the hash value after
     * sha256: must be exactly 64 characters (only letters A-F, a-f, and numbers 0-9 are allowed)".
     */
    private static void checkImage(String image, ContainerDefinition c, int i, Violations out) {
        int at = image.indexOf('@');
        String reference = at < 0 ? image : image.substring(0, at);
        if (reference.length() > MAX_IMAGE_LENGTH) {
            out.client(
                    TaskDefinitionContext.container(i).child("image"), TaskDefinitionMessages.CONTAINER_IMAGE_TOO_LONG);
        } else if (at >= 0 && !isSha256Digest(image.substring(at + 1))) {
            out.client(
                    TaskDefinitionContext.container(i).child("image"),
                    TaskDefinitionMessages.invalidImageDigest(TaskDefinitionContext.name(c)));
        }
    }

    private static final String SHA256 = "sha256:";

    static boolean isSha256Digest(String digest) {
        if (digest.length() != SHA256.length() + 64 || !digest.startsWith(SHA256)) {
            return false;
        }
        for (int k = SHA256.length(); k < digest.length(); k++) {
            char ch = digest.charAt(k);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the links of the task's containers form a cycle: ECS refuses one with "Container links should
     * not have a cycle" [obs] (Shippable/support#4194). Links to containers the task lacks are reported by
     * {@link #checkLinks} and take no part here.
     */
    static boolean hasLinkCycle(List<ContainerDefinition> containers, Map<String, ContainerDefinition> byName) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            String name = containers.get(i).name();
            if (name != null && byName.get(name) == containers.get(i)) {
                index.put(name, i);
            }
        }
        // Iterative depth-first search: 0 unvisited, 1 on the path, 2 done.
        int[] state = new int[containers.size()];
        for (int start = 0; start < containers.size(); start++) {
            if (state[start] != 0 || containers.get(start).links() == null) {
                continue;
            }
            java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
            stack.push(new int[] {start, 0});
            state[start] = 1;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<String> links = containers.get(top[0]).links();
                if (links == null || top[1] >= links.size()) {
                    state[top[0]] = 2;
                    stack.pop();
                    continue;
                }
                String link = links.get(top[1]++);
                if (link == null) {
                    continue;
                }
                int colon = link.indexOf(':');
                Integer next = index.get(colon < 0 ? link : link.substring(0, colon));
                if (next == null) {
                    continue;
                }
                if (state[next] == 1) {
                    return true;
                }
                if (state[next] == 0) {
                    state[next] = 1;
                    stack.push(new int[] {next, 0});
                }
            }
        }
        return false;
    }

    /**
     * A container's {@code InferenceAccelerator} requirement names a device of the task's
     * {@code inferenceAccelerators} (API ResourceRequirement.value: "the value matches the deviceName for an
     * InferenceAccelerator specified in a task definition") [doc]; text [model].
     */
    private static void checkInferenceAccelerators(
            TaskDefinitionContext td, ContainerDefinition c, int i, Violations out) {
        List<ResourceRequirement> requirements = c.resourceRequirements();
        if (requirements == null) {
            return;
        }
        for (int j = 0; j < requirements.size(); j++) {
            ResourceRequirement r = requirements.get(j);
            if (ResourceType.INFERENCE_ACCELERATOR.equals(r.type())
                    && r.value() != null
                    && !acceleratorNames(td).contains(r.value())) {
                out.client(
                        TaskDefinitionContext.container(i)
                                .child("resourceRequirements")
                                .index(j)
                                .child("value"),
                        TaskDefinitionMessages.unknownInferenceAccelerator(r.value(), TaskDefinitionContext.name(c)));
            }
        }
    }

    /**
     * Each of the task's inference accelerators is referenced by a container (API
     * InferenceAccelerator.deviceName: "The deviceName must also be referenced in a container definition as a
     * ResourceRequirement") [doc]; text [model].
     */
    private static void checkAcceleratorsReferenced(TaskDefinitionContext td, Violations out) {
        List<InferenceAccelerator> accelerators = td.request.inferenceAccelerators();
        if (accelerators == null || accelerators.isEmpty()) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        for (ContainerDefinition c : td.containers) {
            if (c.resourceRequirements() != null) {
                for (ResourceRequirement r : c.resourceRequirements()) {
                    if (ResourceType.INFERENCE_ACCELERATOR.equals(r.type()) && r.value() != null) {
                        referenced.add(r.value());
                    }
                }
            }
        }
        for (int k = 0; k < accelerators.size(); k++) {
            String device = accelerators.get(k).deviceName();
            if (device != null && !referenced.contains(device)) {
                out.client(
                        JsonPath.root().child("inferenceAccelerators").index(k).child("deviceName"),
                        TaskDefinitionMessages.unreferencedInferenceAccelerator(device));
            }
        }
    }

    private static Set<String> acceleratorNames(TaskDefinitionContext td) {
        Set<String> names = new HashSet<>();
        if (td.request.inferenceAccelerators() != null) {
            for (InferenceAccelerator a : td.request.inferenceAccelerators()) {
                if (a.deviceName() != null) {
                    names.add(a.deviceName());
                }
            }
        }
        return names;
    }

    /** Mount points name volumes of the task; volumesFrom names containers of the task. */
    private static void checkVolumeReferences(
            TaskDefinitionContext td,
            ContainerDefinition c,
            int i,
            Map<String, ContainerDefinition> byName,
            Violations out) {
        List<MountPoint> mounts = c.mountPoints() == null ? List.of() : c.mountPoints();
        for (int j = 0; j < mounts.size(); j++) {
            String volume = mounts.get(j).sourceVolume();
            if (volume != null && !td.volumeNames().contains(volume)) {
                out.client(
                        TaskDefinitionContext.container(i)
                                .child("mountPoints")
                                .index(j)
                                .child("sourceVolume"),
                        TaskDefinitionMessages.unknownVolume(volume));
            }
        }
        List<VolumeFrom> from = c.volumesFrom() == null ? List.of() : c.volumesFrom();
        for (int j = 0; j < from.size(); j++) {
            String source = from.get(j).sourceContainer();
            if (source != null && !byName.containsKey(source)) {
                out.client(
                        TaskDefinitionContext.container(i)
                                .child("volumesFrom")
                                .index(j)
                                .child("sourceContainer"),
                        TaskDefinitionMessages.unknownVolumesFromContainer(source, TaskDefinitionContext.name(c)));
            }
        }
    }

    /** The bounds of API HealthCheck: interval 5-300 s, timeout 2-60 s, retries 1-10, startPeriod 0-300 s [doc]. */
    private static void checkHealthCheck(ContainerDefinition c, int i, Violations out) {
        HealthCheck h = c.healthCheck();
        if (h == null) {
            return;
        }
        JsonPath at = TaskDefinitionContext.container(i).child("healthCheck");
        String name = TaskDefinitionContext.name(c);
        bound(h.interval(), 5, 300, "interval", at.child("interval"), name, out);
        bound(h.timeout(), 2, 60, "timeout", at.child("timeout"), name, out);
        bound(h.retries(), 1, 10, "retries", at.child("retries"), name, out);
        bound(h.startPeriod(), 0, 300, "startPeriod", at.child("startPeriod"), name, out);
    }

    private static void bound(
            @Nullable Integer value, int min, int max, String setting, JsonPath at, String container, Violations out) {
        if (value == null) {
            return;
        }
        if (value < min) {
            out.client(at, TaskDefinitionMessages.healthCheckBelow(setting, min, container));
        } else if (value > max) {
            out.client(at, TaskDefinitionMessages.healthCheckAbove(setting, max, container));
        }
    }

    private static void checkName(
            ContainerDefinition c, int i, Map<String, ContainerDefinition> byName, Violations out) {
        String name = c.name();
        if (name == null || name.isEmpty()) {
            out.client(TaskDefinitionContext.container(i).child("name"), TaskDefinitionMessages.CONTAINER_NAME_BLANK);
        } else if (name.length() > MAX_NAME_LENGTH) {
            out.client(
                    TaskDefinitionContext.container(i).child("name"), TaskDefinitionMessages.CONTAINER_NAME_TOO_LONG);
        } else if (!FamilyRule.isName(name)) {
            out.client(
                    TaskDefinitionContext.container(i).child("name"),
                    TaskDefinitionMessages.CONTAINER_NAME_INVALID_CHARACTERS);
        } else if (byName.putIfAbsent(name, c) != null) {
            out.client(
                    TaskDefinitionContext.container(i).child("name"),
                    TaskDefinitionMessages.CONTAINER_NAMES_NOT_UNIQUE);
        }
    }

    private static void checkDependencies(
            ContainerDefinition c, int i, Map<String, ContainerDefinition> byName, Violations out) {
        List<ContainerDependency> dependsOn = c.dependsOn();
        if (dependsOn == null) {
            return;
        }
        for (int j = 0; j < dependsOn.size(); j++) {
            ContainerDependency d = dependsOn.get(j);
            if (d.containerName() == null) {
                continue; // required by the API model; reported there
            }
            ContainerDefinition target = byName.get(d.containerName());
            if (target == null) {
                out.client(
                        TaskDefinitionContext.container(i)
                                .child("dependsOn")
                                .index(j)
                                .child("containerName"),
                        TaskDefinitionMessages.unknownDependency(d.containerName()));
            } else if ((ContainerCondition.SUCCESS.equals(d.condition())
                            || ContainerCondition.COMPLETE.equals(d.condition()))
                    && TaskDefinitionContext.essential(target)) {
                out.client(
                        TaskDefinitionContext.container(i).child("dependsOn").index(j),
                        TaskDefinitionMessages.DEPENDENCY_ON_ESSENTIAL);
            }
        }
    }
}
