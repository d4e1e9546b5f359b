/**
 * Best practices as lint: rules that judge ECS resources ECS would accept (task definitions,
 * CreateService inputs) against AWS's recommendations, and report {@link io.github.berth.core.lint.Finding}s
 * with a rule id, a severity, a JSON path and the AWS page that motivates the rule. Read-only
 * judgement of model values: nothing here calls AWS. Suppress a rule everywhere or per resource with
 * {@link io.github.berth.core.lint.Suppressions}, or per resource with the tag
 * {@value io.github.berth.core.lint.Linter#SUPPRESS_TAG}.
 */
package io.github.berth.core.lint;
