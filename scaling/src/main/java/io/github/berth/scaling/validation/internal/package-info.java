/**
 * Not API: the constraints of the Application Auto Scaling API model as generated tables, which
 * {@link io.github.berth.scaling.validation.AutoScalingValidator} checks after its own rules. Public
 * only for that validator; left out of the javadoc and may change in any release.
 */
package io.github.berth.scaling.validation.internal;
