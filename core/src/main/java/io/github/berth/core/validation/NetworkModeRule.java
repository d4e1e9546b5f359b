package io.github.berth.core.validation;

import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.validation.internal.Violations;

/**
 * Which network modes each launch type and operating system allows, and the container settings a mode
 * rules out (docs/task-definitions.md#network-modes, docs/task-definitions.md#containers): Fargate takes awsvpc only, EXTERNAL anything but awsvpc, Windows
 * its default mode or awsvpc; links need bridge; hostname and extraHosts are refused in awsvpc.
 */
final class NetworkModeRule implements TaskDefinitionRule {

    private static final JsonPath NETWORK_MODE = JsonPath.root().child("networkMode");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        NetworkMode given = td.request.networkMode();
        if (td.fargate && !NetworkMode.AWSVPC.equals(given)) {
            // Omitted counts too: the default, bridge, is not awsvpc.
            out.client(NETWORK_MODE, TaskDefinitionMessages.FARGATE_ONLY_AWSVPC);
        } else if (td.windows && given != null && given.isKnown() && !NetworkMode.AWSVPC.equals(given)) {
            out.client(NETWORK_MODE, TaskDefinitionMessages.windowsNetworkMode(given.value()));
        }
        if (td.external && NetworkMode.AWSVPC.equals(given)) {
            out.client(NETWORK_MODE, TaskDefinitionMessages.EXTERNAL_NO_AWSVPC);
        }
        boolean linksAllowed =
                !td.windows && (td.isMode(NetworkMode.BRIDGE) || td.networkMode != null && !td.networkMode.isKnown());
        for (int i = 0; i < td.containers.size(); i++) {
            ContainerDefinition c = td.containers.get(i);
            if (!linksAllowed && c.links() != null && !c.links().isEmpty()) {
                out.client(
                        TaskDefinitionContext.container(i).child("links"),
                        td.windows
                                ? TaskDefinitionMessages.LINKS_NOT_SUPPORTED_WINDOWS
                                : TaskDefinitionMessages.linksNotSupported(td.modeName()));
            }
            if (c.hostname() != null && td.isMode(NetworkMode.AWSVPC)) {
                out.client(
                        TaskDefinitionContext.container(i).child("hostname"), TaskDefinitionMessages.HOSTNAME_AWSVPC);
            }
            if (c.extraHosts() != null && !c.extraHosts().isEmpty() && td.isMode(NetworkMode.AWSVPC)) {
                out.client(
                        TaskDefinitionContext.container(i).child("extraHosts"),
                        TaskDefinitionMessages.EXTRA_HOSTS_AWSVPC);
            }
        }
    }
}
