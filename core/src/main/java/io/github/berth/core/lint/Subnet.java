package io.github.berth.core.lint;

import io.github.berth.core.Nullable;

/**
 * What is known of a subnet, from {@code aws ec2 describe-subnets}: its Availability Zone and whether
 * it gives instances a public IP address on launch ({@code MapPublicIpOnLaunch}, the sign of a public
 * subnet that describe-subnets gives; [model] a subnet whose route table sends 0.0.0.0/0 to an internet
 * gateway without that flag is not recognised as public).
 *
 * @param subnetId the subnet id
 * @param availabilityZone its AZ, or null when unknown
 * @param mapPublicIpOnLaunch whether it assigns public IPs on launch, or null when unknown
 */
public record Subnet(
        String subnetId,
        @Nullable String availabilityZone,
        @Nullable Boolean mapPublicIpOnLaunch) {}
