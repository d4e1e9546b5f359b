package io.github.berth.core.validation;

import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.core.validation.internal.Violations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Port mappings (docs/placement.md#host-ports, docs/task-definitions.md#port-mappings, docs/task-definitions.md#port-ranges): valid container and host ports, host port equal to the container
 * port in awsvpc and host mode, none mode without mappings, no static host port bound twice in a task,
 * and the rules of container port ranges.
 *
 * <p>Not checked on registration, on evidence: the same container port for TCP and UDP (the API's note
 * that this fails is stale: awsdocs/amazon-ecs-developer-guide#128 removed it, and
 * terraform-aws-modules/terraform-aws-ecs#89 shows registration accepting it), and more than 100 static
 * host ports (a placement failure, RESOURCE:PORTS, per aws/amazon-ecs-agent#269).
 */
final class PortMappingRule implements TaskDefinitionRule {

    static final int MAX_PORT = 65_535;
    /** "You can specify a maximum of 100 port ranges per container" (API PortMapping.containerPortRange). */
    static final int MAX_RANGES_PER_CONTAINER = 100;

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        Set<Integer> hostPorts = null;
        for (int i = 0; i < td.containers.size(); i++) {
            ContainerDefinition c = td.containers.get(i);
            List<PortMapping> mappings = c.portMappings();
            if (mappings == null || mappings.isEmpty()) {
                continue;
            }
            if (td.isMode(NetworkMode.NONE)) {
                out.client(
                        TaskDefinitionContext.container(i).child("portMappings"),
                        TaskDefinitionMessages.NO_PORT_MAPPINGS_IN_NONE);
                continue;
            }
            if (hostPorts == null) {
                hostPorts = new HashSet<>();
            }
            checkContainer(td, c, i, mappings, hostPorts, out);
        }
    }

    private static void checkContainer(
            TaskDefinitionContext td,
            ContainerDefinition c,
            int i,
            List<PortMapping> mappings,
            Set<Integer> hostPorts,
            Violations out) {
        String name = TaskDefinitionContext.name(c);
        boolean staticMode = td.isMode(NetworkMode.AWSVPC) || td.isMode(NetworkMode.HOST);
        List<Span> spans = null;
        int ranges = 0;
        for (int j = 0; j < mappings.size(); j++) {
            PortMapping pm = mappings.get(j);
            Integer containerPort = pm.containerPort();
            Integer hostPort = pm.hostPort();
            String range = pm.containerPortRange();
            int protocol = UDP.equals(pm.protocol()) ? 1 : 0;
            if (range != null) {
                ranges++;
                if (spans == null) {
                    spans = new ArrayList<>();
                }
                checkRange(td, pm, range, name, i, j, protocol, spans, out);
                continue;
            }
            if (containerPort == null || containerPort < 1 || containerPort > MAX_PORT) {
                out.client(mapping(i, j).child("containerPort"), TaskDefinitionMessages.invalidContainerPort(name));
                continue;
            }
            if (spans == null) {
                spans = new ArrayList<>();
            }
            spans.add(new Span(protocol, containerPort, containerPort, false, j));
            if (hostPort != null && (hostPort < 0 || hostPort > MAX_PORT)) {
                out.client(mapping(i, j).child("hostPort"), TaskDefinitionMessages.invalidHostPort(name));
                continue;
            }
            if (staticMode && hostPort != null && !hostPort.equals(containerPort)) {
                // hostPort 0 too: "left blank or set to the same value" (API PortMapping.hostPort), and
                // aws/amazon-ecs-cli#1014 shows a 0 from ecs-cli refused.
                out.client(mapping(i, j).child("hostPort"), TaskDefinitionMessages.hostPortMustMatch(td.modeName()));
                continue;
            }
            // The host port the task binds: fixed in awsvpc and host mode; in bridge mode only when given
            // (0 or omitted is a dynamic port, chosen on the instance).
            int bound = staticMode ? containerPort : hostPort == null ? 0 : hostPort;
            if (bound > 0 && !hostPorts.add(protocol << 16 | bound)) {
                out.client(
                        mapping(i, j).child("hostPort"),
                        TaskDefinitionMessages.hostPortMappedTwice(protocol == 1 ? "UDP" : "TCP", bound));
            }
        }
        if (ranges > MAX_RANGES_PER_CONTAINER) {
            out.client(
                    TaskDefinitionContext.container(i).child("portMappings"),
                    TaskDefinitionMessages.tooManyPortRanges(name));
        }
        if (ranges > 0 && spans != null && spans.size() > 1) {
            checkOverlaps(spans, name, i, out);
        }
    }

    private static final TransportProtocol UDP = TransportProtocol.UDP;

    private static void checkRange(
            TaskDefinitionContext td,
            PortMapping pm,
            String range,
            String name,
            int i,
            int j,
            int protocol,
            List<Span> spans,
            Violations out) {
        JsonPath at = mapping(i, j).child("containerPortRange");
        if (pm.containerPort() != null) {
            out.client(at, TaskDefinitionMessages.portAndRange(name));
        }
        if (pm.hostPort() != null && pm.hostPort() != 0) {
            out.client(mapping(i, j).child("hostPort"), TaskDefinitionMessages.hostPortWithRange(name));
        }
        // Ranges need bridge or awsvpc; Windows' default mode is its bridge (docs/task-definitions.md#port-ranges).
        if (!(td.isMode(NetworkMode.BRIDGE) || td.isMode(NetworkMode.AWSVPC) || td.networkMode == null)) {
            out.client(at, TaskDefinitionMessages.rangesNotSupported(td.modeName()));
            return;
        }
        int dash = range.indexOf('-');
        int first = dash < 0 ? -1 : port(range, 0, dash);
        int last = dash < 0 ? -1 : port(range, dash + 1, range.length());
        if (first < 1 || last < 1 || first >= last) {
            out.client(at, TaskDefinitionMessages.invalidContainerPortRange(name));
            return;
        }
        spans.add(new Span(protocol, first, last, true, j));
    }

    /** A port number written in {@code s[from, to)}, or -1. */
    private static int port(String s, int from, int to) {
        if (to - from < 1 || to - from > 5) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v > MAX_PORT ? -1 : v;
    }

    /**
     * "A port can only be included in one port mapping per container" and "You cannot specify
     * overlapping port ranges" (API PortMapping.containerPortRange). [model] applied per protocol and
     * only where a range takes part: two single mappings of one port are left to the host port rule.
     */
    private static void checkOverlaps(List<Span> spans, String name, int i, Violations out) {
        spans.sort(Comparator.comparingInt((Span s) -> s.protocol).thenComparingInt(s -> s.first));
        Span reach = spans.get(0);
        for (int k = 1; k < spans.size(); k++) {
            Span s = spans.get(k);
            if (s.protocol == reach.protocol && s.first <= reach.last) {
                if (s.range || reach.range) {
                    out.client(
                            mapping(i, s.index).child(s.range ? "containerPortRange" : "containerPort"),
                            TaskDefinitionMessages.portInTwoMappings(s.first, name));
                }
                if (s.last > reach.last) {
                    reach = s;
                }
            } else {
                reach = s;
            }
        }
    }

    private static JsonPath mapping(int container, int index) {
        return TaskDefinitionContext.container(container).child("portMappings").index(index);
    }

    /** The container ports one mapping takes: a single port is a span of one. */
    private static final class Span {
        final int protocol;
        final int first;
        final int last;
        final boolean range;
        final int index;

        Span(int protocol, int first, int last, boolean range, int index) {
            this.protocol = protocol;
            this.first = first;
            this.last = last;
            this.range = range;
            this.index = index;
        }
    }
}
