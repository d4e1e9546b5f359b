package io.github.berth.placement;

import io.github.berth.placement.query.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that apply to one request, in {@link FailureReason} order, and each instance's stage:
 * the ordinal of the first check it fails, or {@link #PASS}. Stages change only on the instance a
 * task was placed on, so they are kept and recomputed for that instance alone.
 */
final class FilterChain {

  static final byte PASS = Byte.MAX_VALUE;

  private final InstanceFilter[] filters;
  final byte[] stage;

  FilterChain(PlacementState st, PlacementPlan plan) {
    ClusterSnapshot s = st.snapshot;
    TaskRequirements req = plan.requirements();
    List<InstanceFilter> list = new ArrayList<>();
    list.add(new InstanceFilter.Status(s));
    list.add(new InstanceFilter.Agent(s));
    Set<String> vpcs = new HashSet<>();
    Set<String> zones = new HashSet<>();
    for (String subnet : plan.subnets()) {
      ClusterSnapshot.Subnet known = s.subnets.get(subnet);
      if (known != null && known.vpcId() != null) {
        vpcs.add(known.vpcId());
      }
      if (known != null && known.availabilityZone() != null) {
        zones.add(known.availabilityZone());
      }
    }
    if (!req.requiredAttributes.isEmpty() || !vpcs.isEmpty()) {
      list.add(new InstanceFilter.Attributes(s, req.requiredAttributes, vpcs));
    }
    if (req.awsvpc) {
      list.add(new InstanceFilter.Location(s, zones));
    }
    list.add(new InstanceFilter.Cpu(st, req.cpu));
    list.add(new InstanceFilter.Memory(st, req.memory));
    if (req.gpus > 0 || req.allGpus) {
      list.add(new InstanceFilter.Gpu(st, req.gpus, req.allGpus));
    }
    int totalStatic = req.staticTcp.length + req.staticUdp.length;
    if (req.staticTcp.length > 0 || req.tcpSelfConflict) {
      list.add(new InstanceFilter.Ports(st, req.staticTcp, false, req.tcpSelfConflict, totalStatic));
    }
    if (req.staticUdp.length > 0 || req.udpSelfConflict) {
      list.add(new InstanceFilter.Ports(st, req.staticUdp, true, req.udpSelfConflict, totalStatic));
    }
    if (req.awsvpc) {
      list.add(new InstanceFilter.Eni(st));
    }
    for (Expression e : plan.memberOf()) {
      list.add(new InstanceFilter.MemberOf(st, e));
    }
    if (plan.distinctInstance()) {
      list.add(new InstanceFilter.DistinctInstance(st));
    }
    this.filters = list.toArray(new InstanceFilter[0]);
    this.stage = new byte[st.n];
    for (int i = 0; i < st.n; i++) {
      stage[i] = check(i);
    }
  }

  byte check(int i) {
    for (InstanceFilter f : filters) {
      if (!f.accepts(i)) {
        return (byte) f.reason().ordinal();
      }
    }
    return PASS;
  }

  /** Recomputes the stage of one instance; returns whether it passes. */
  boolean recheck(int i) {
    stage[i] = check(i);
    return stage[i] == PASS;
  }
}
