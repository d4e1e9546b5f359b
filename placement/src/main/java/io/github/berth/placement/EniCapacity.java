package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;

/**
 * How many awsvpc tasks an instance can hold: one ENI each, the primary ENI counts against the EC2
 * limit, and with ENI trunking the trunked limit of the type applies (docs/placement.md#awsvpc-and-enis, docs/placement.md#eni-trunking, docs/placement.md#eni-limits-per-instance-type;
 * the numbers live in {@link InstanceTypes}).
 *
 * <p>An instance is trunked when it carries {@code ecs.awsvpc-trunk-id} and its type supports trunking:
 * with the {@code awsvpcTrunking} account setting on, only instances launched after the opt-in get a
 * trunk interface and the higher limit (DG container-instance-eni [doc]), so the setting alone raises no
 * instance's limit. [model] An instance with a trunk keeps it if the setting is later turned off. An instance whose type Berth does not know (or that has
 * no {@code ecs.instance-type}) has no known ENI capacity and takes no awsvpc task
 * ({@code RESOURCE:ENI}); add the type to {@link InstanceTypes}.
 */
final class EniCapacity {

    static final String INSTANCE_TYPE = "ecs.instance-type";
    static final String TRUNK_ID = "ecs.awsvpc-trunk-id";

    private EniCapacity() {}

    static int awsvpcTaskLimit(@Nullable String instanceType, boolean hasTrunk) {
        if (instanceType == null) {
            return 0;
        }
        InstanceType type = InstanceTypes.find(instanceType).orElse(null);
        if (type == null) {
            return 0;
        }
        return type.awsvpcTaskLimit(hasTrunk && type.supportsTrunking());
    }
}
