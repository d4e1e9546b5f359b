/**
 * Not API: placement's plumbing that code outside the package must share (the seeded draw that
 * breaks ties, which the independent reference placer of the tests repeats). Public only for that;
 * left out of the javadoc and may change in any release. Use {@link io.github.berth.placement}.
 */
package io.github.berth.placement.internal;
