package io.github.berth.scaling.model;

import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.Violations;

/**
 * The constraints the Application Auto Scaling API model states (required members, enum values,
 * lengths, ranges, patterns), for any value of this package. The rules themselves are generated;
 * this is their one public door, used by {@code io.github.berth.scaling.validation}.
 */
public final class AutoScalingConstraints {

  private AutoScalingConstraints() {}

  /**
   * Adds a violation for each model constraint {@code value} breaks, each at its path under
   * {@code path}. Values of other types are ignored.
   */
  public static void check(Object value, JsonPath path, Violations out) {
    AutoScalingShapeRules.check(value, path, out);
  }
}
