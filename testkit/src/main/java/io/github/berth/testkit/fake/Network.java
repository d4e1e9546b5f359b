package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fake's VPC: which Availability Zone each subnet lies in, and private IPs handed out from
 * its CIDR block for awsvpc ENIs. A test declares subnets with {@link FakeEcs#subnet}; a subnet it
 * did not declare is placed deterministically ([model]: AZ {@code <region>a..c} and a /24 block
 * from the subnet id's hash), so a one-line test works.
 */
final class Network {

    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Subnet {
        String subnetId;
        String availabilityZone;
        String vpcId;
        /** The first three octets of a /24 block ("10.0.7"), and the next host number to hand out. */
        String prefix;

        int nextHost = 4;

        // Jackson's (Snapshots): a snapshot sets every field.
        @SuppressWarnings("NullAway.Init")
        Subnet() {}

        Subnet(String subnetId, String availabilityZone, String vpcId, String prefix) {
            this.subnetId = subnetId;
            this.availabilityZone = availabilityZone;
            this.vpcId = vpcId;
            this.prefix = prefix;
        }
    }

    final String region;
    final Map<String, Subnet> subnets = new LinkedHashMap<>();

    Network(String region, long seed) {
        this.region = region;
    }

    Subnet subnet(String subnetId) {
        return subnets.computeIfAbsent(subnetId, id -> {
            int h = id.hashCode() & 0x7fffffff;
            return new Subnet(id, region + (char) ('a' + h % 3), "vpc-0berth000000000", "10.0." + (h % 250));
        });
    }

    void declare(String subnetId, String availabilityZone, @Nullable String vpcId, @Nullable String cidr) {
        String prefix = cidr == null ? subnet(subnetId).prefix : cidr.substring(0, cidr.lastIndexOf('.'));
        subnets.put(
                subnetId,
                new Subnet(subnetId, availabilityZone, vpcId == null ? "vpc-0berth000000000" : vpcId, prefix));
    }

    /** The next private IP of the subnet (AWS keeps the first four and the last of each block). */
    String nextIp(String subnetId) {
        Subnet s = subnet(subnetId);
        int host = s.nextHost;
        s.nextHost = host >= 254 ? 4 : host + 1;
        return s.prefix + "." + host;
    }

    /** A subnet of the AZ (for an instance launched there), declared or made up. */
    String subnetOfZone(String availabilityZone) {
        for (Subnet s : subnets.values()) {
            if (s.availabilityZone.equals(availabilityZone)) {
                return s.subnetId;
            }
        }
        String id = "subnet-0" + availabilityZone.replace("-", "");
        Subnet s = new Subnet(
                id,
                availabilityZone,
                "vpc-0berth000000000",
                "10.0." + (200 + (availabilityZone.charAt(availabilityZone.length() - 1) - 'a')));
        subnets.put(id, s);
        return id;
    }
}
