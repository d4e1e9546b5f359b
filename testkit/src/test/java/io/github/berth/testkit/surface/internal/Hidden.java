package io.github.berth.testkit.surface.internal;

/** A fixture of {@code PublicSurfaceTest}: a type in an internal package. */
public final class Hidden {}
