package io.github.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.Nullable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code aws ec2 describe-subnets} output, read for what the commands need of each subnet: its AZ,
 * its VPC and whether it maps public IPs on launch. Unknown members are ignored (EC2's output has many).
 */
final class DescribeSubnets {

    record Entry(
            String subnetId,
            @Nullable String availabilityZone,
            @Nullable String vpcId,
            @Nullable Boolean mapPublicIpOnLaunch) {}

    private DescribeSubnets() {}

    /** The subnets of the file; a problem is an IOException whose message is {@code FILE: path: reason}. */
    static List<Entry> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.read(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("Subnets").isArray()) {
            throw new IOException(
                    file + ": Subnets: expected the output of aws ec2 describe-subnets, with a Subnets list");
        }
        List<Entry> out = new ArrayList<>();
        JsonNode list = root.get("Subnets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            JsonNode id = s.get("SubnetId");
            if (id == null || !id.isTextual() || id.asText().isBlank()) {
                throw new IOException(file + ": Subnets[" + i + "].SubnetId: expected the subnet's id");
            }
            out.add(new Entry(
                    id.asText(),
                    text(s.get("AvailabilityZone")),
                    text(s.get("VpcId")),
                    s.has("MapPublicIpOnLaunch") && s.get("MapPublicIpOnLaunch").isBoolean()
                            ? s.get("MapPublicIpOnLaunch").asBoolean()
                            : null));
        }
        return out;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
