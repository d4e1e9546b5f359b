package io.github.berth.testkit.property;

/**
 * Generators of ECS values, the one entry point for property tests of ECS code.
 */
public final class EcsGen {

  private EcsGen() {}

  /**
   * Any value of a Berth model type ({@code core.model}, {@code core.api}, the Application Auto
   * Scaling model): every member absent or of any value its type allows, nested types to a bounded
   * depth. For properties of the model itself (the JSON round trip); such values are not valid
   * requests.
   */
  public static <T> Gen<T> any(Class<T> type) {
    return ModelGen.of(type);
  }
}
