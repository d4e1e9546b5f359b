/**
 * Not API: the plumbing the validators of Berth's modules share (the collector of violations and the
 * walker of the constraint tables generated from the AWS API models). Public only because other
 * Berth modules use it; it is left out of the javadoc and may change in any release. Use
 * {@link io.github.berth.core.validation} instead.
 */
package io.github.berth.core.validation.internal;
