/**
 * Best practices for Application Auto Scaling inputs (RegisterScalableTarget, PutScalingPolicy), as lint
 * rules in the form of {@code io.github.berth.core.lint}: the same findings, suppressions and output.
 */
package io.github.berth.scaling.lint;
