package io.github.berth.scaling;

import io.github.berth.core.Nullable;

/**
 * The mutable form of a {@link ScalingProposal}, which the evaluators fill in. The simulator keeps
 * one per policy and reuses it step after step, so that a step allocates nothing; the public
 * evaluators copy it into the immutable record.
 */
final class Proposal {

  final String policyName;
  ScalingProposal.Direction direction = ScalingProposal.Direction.NONE;
  int capacity;
  @Nullable String alarmName;
  @Nullable String blockedBy;

  Proposal(String policyName) {
    this.policyName = policyName;
  }

  static Proposal of(ScalingProposal p) {
    Proposal q = new Proposal(p.policyName());
    q.set(p.direction(), p.capacity(), p.alarmName(), p.blockedBy());
    return q;
  }

  void set(ScalingProposal.Direction direction, int capacity, @Nullable String alarmName, @Nullable String blockedBy) {
    this.direction = direction;
    this.capacity = capacity;
    this.alarmName = alarmName;
    this.blockedBy = blockedBy;
  }

  void none(int capacity) {
    set(ScalingProposal.Direction.NONE, capacity, null, null);
  }

  boolean isOut() {
    return direction == ScalingProposal.Direction.OUT;
  }

  boolean isIn() {
    return direction == ScalingProposal.Direction.IN;
  }

  ScalingProposal toRecord() {
    return new ScalingProposal(policyName, direction, capacity, alarmName, blockedBy);
  }
}
