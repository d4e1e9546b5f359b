package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.model.LaunchType;

/** One service of a cluster. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ServiceRec {
  String name;
  String arn;
  String cluster;
  /** ACTIVE, DRAINING or INACTIVE. */
  String status = "ACTIVE";
  LaunchType launchType;
  java.util.List<io.github.berth.core.model.Tag> tags = new java.util.ArrayList<>();

  ServiceRec() {}
}
