package io.github.berth.testkit.fake;

import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.Setting;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskPlacement;
import io.github.berth.placement.TaskReservation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake's side of placement: a {@link ClusterSnapshot} of a cluster, kept until the cluster
 * changes (its {@code placementVersion}), {@link PlacementEngine} for the choice, and the resources
 * each placed task then holds on its instance until it is STOPPED.
 */
final class Placement {

  private final Engine e;
  private final Map<ClusterRec, Cached> cache = new IdentityHashMap<>();

  private record Cached(long version, ClusterSnapshot snapshot) {}

  Placement(Engine e) {
    this.e = e;
  }

  ClusterSnapshot snapshot(ClusterRec c) {
    Cached cached = cache.get(c);
    if (cached != null && cached.version == c.placementVersion) {
      return cached.snapshot;
    }
    List<ContainerInstance> instances = new ArrayList<>(c.instances.size());
    for (InstanceRec i : c.instances.values()) {
      if ("INACTIVE".equals(i.status)) {
        continue;
      }
      instances.add(Views.instance(e, i, false));
    }
    List<Task> tasks = new ArrayList<>();
    for (TaskRec t : c.tasks.values()) {
      if (!t.stopped()) {
        tasks.add(placementView(c, t));
      }
    }
    ClusterSnapshot.Builder b = ClusterSnapshot.builder().addInstances(instances).addTasks(tasks)
        .awsvpcTrunking(trunking());
    for (Network.Subnet s : e.network.subnets.values()) {
      b.subnet(s.subnetId, s.availabilityZone, s.vpcId);
    }
    ClusterSnapshot snapshot = b.build();
    cache.put(c, new Cached(c.placementVersion, snapshot));
    return snapshot;
  }

  /** What placement reads of a task: where it is, its group, ports, ENI and capacity provider. */
  private Task placementView(ClusterRec c, TaskRec t) {
    List<Container> containers = new ArrayList<>(t.containers.size());
    for (ContainerRec k : t.containers) {
      containers.add(Container.builder().name(k.name).networkBindings(k.networkBindings).build());
    }
    InstanceRec inst = t.instanceId == null ? null : c.instances.get(t.instanceId);
    return Task.builder()
        .taskArn(t.arn)
        .containerInstanceArn(inst == null ? null : inst.arn)
        .group(t.group)
        .desiredStatus(t.desiredStatus)
        .lastStatus(t.lastStatus)
        .launchType(t.launchType)
        .capacityProviderName(t.capacityProviderName)
        .availabilityZone(t.availabilityZone)
        .startedBy(t.startedBy)
        .attachments(t.holdsEni ? t.attachments : List.<Attachment>of())
        .containers(containers)
        .build();
  }

  boolean trunking() {
    Map<String, Setting> account = e.accountSettings.get("");
    Setting s = account == null ? null : account.get("awsvpcTrunking");
    return s != null && "enabled".equals(s.value());
  }

  PlacementResult place(ClusterRec c, PlacementRequest request) {
    return PlacementEngine.place(snapshot(c), request);
  }

  /** Records what a placed task holds on its instance. */
  void reserve(ClusterRec c, TaskRec t, TaskPlacement p, TaskDefinition td) {
    TaskReservation r = TaskReservation.of(td, t.overrides);
    t.holdsEni = r.eni();
    if (p.containerInstanceArn() != null) {
      InstanceRec inst = c.instances.get(Resolve.nameOf(p.containerInstanceArn()));
      t.instanceId = inst.id;
      t.reservedCpu = r.cpu();
      t.reservedMemory = r.memoryMiB();
      inst.usedCpu += r.cpu();
      inst.usedMemory += r.memoryMiB();
      int gpus = r.allGpus() ? inst.gpuIds.size() : r.gpus();
      for (String gpu : inst.gpuIds) {
        if (t.reservedGpuIds.size() >= gpus) {
          break;
        }
        if (!inst.usedGpuIds.contains(gpu)) {
          t.reservedGpuIds.add(gpu);
        }
      }
      inst.usedGpuIds.addAll(t.reservedGpuIds);
      if (!r.eni()) {
        for (TaskPlacement.ContainerBindings cb : p.containers()) {
          for (NetworkBinding nb : cb.networkBindings()) {
            if (nb.hostPort() == null || nb.hostPort() == 0) {
              continue;
            }
            String port = String.valueOf(nb.hostPort());
            if (TransportProtocol.UDP.equals(nb.protocol())) {
              t.reservedUdp.add(port);
              inst.usedUdp.add(port);
            } else {
              t.reservedTcp.add(port);
              inst.usedTcp.add(port);
            }
          }
        }
      }
      inst.taskIds.add(t.id);
    }
    c.placementVersion++;
  }

  /** Gives back what a STOPPED task held. */
  void release(TaskRec t) {
    ClusterRec c = e.clusters.get(t.cluster);
    if (c == null) {
      return;
    }
    InstanceRec inst = t.instanceId == null ? null : c.instances.get(t.instanceId);
    if (inst != null) {
      inst.usedCpu -= t.reservedCpu;
      inst.usedMemory -= t.reservedMemory;
      inst.usedGpuIds.removeAll(t.reservedGpuIds);
      for (String p : t.reservedTcp) {
        inst.usedTcp.remove(p);
      }
      for (String p : t.reservedUdp) {
        inst.usedUdp.remove(p);
      }
      inst.taskIds.remove(t.id);
    }
    t.reservedCpu = 0;
    t.reservedMemory = 0;
    t.reservedGpuIds = new ArrayList<>();
    t.reservedTcp = new ArrayList<>();
    t.reservedUdp = new ArrayList<>();
    c.placementVersion++;
  }

  /** The cluster changed in a way placement reads (instances, attributes, task groups). */
  void invalidate(ClusterRec c) {
    c.placementVersion++;
  }

  void forget(ClusterRec c) {
    cache.remove(c);
  }
}
