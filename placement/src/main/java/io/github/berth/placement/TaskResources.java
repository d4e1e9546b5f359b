package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.ClientException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the resource values of task definitions and tasks. */
final class TaskResources {

  // [model] of reference §7.3: "1024", "1 vCPU", ".25 vcpu"; "2048", "2GB", ".5 gb".
  private static final Pattern CPU = Pattern.compile("\\s*(\\d+|\\d*\\.\\d+)\\s*(vcpu)?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMORY = Pattern.compile("\\s*(\\d+|\\d*\\.\\d+)\\s*(gb)?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)\\s*-\\s*(\\d+)\\s*");

  private TaskResources() {}

  /**
   * CPU units or MiB of a task-level {@code cpu} / {@code memory} string; 0 when absent.
   *
   * @throws ClientException with ECS's text (reference §7.3) when the value is not one of the forms
   */
  static int units(@Nullable String value, boolean memory) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    Matcher m = (memory ? MEMORY : CPU).matcher(value);
    if (!m.matches()) {
      throw new ClientException(memory ? "Invalid 'memory' setting for task." : "Invalid 'cpu' setting for task.");
    }
    double v = Double.parseDouble(m.group(1));
    if (m.group(2) != null) {
      v *= 1024;
    }
    return (int) Math.round(v);
  }

  /** Whether a task-level value is given at all. */
  static boolean given(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  /** The [first, last] of a {@code "8000-8010"} port range, or null. */
  static int @Nullable [] portRange(@Nullable String range) {
    if (range == null) {
      return null;
    }
    Matcher m = RANGE.matcher(range);
    if (!m.matches()) {
      return null;
    }
    int first = Integer.parseInt(m.group(1));
    int last = Integer.parseInt(m.group(2));
    return first <= last && last <= 65535 ? new int[] {first, last} : null;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
