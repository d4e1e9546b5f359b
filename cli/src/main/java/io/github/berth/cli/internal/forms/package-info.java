/**
 * Not API: the command line's own plumbing, public only for the commands in
 * {@code io.github.berth.cli}; left out of the javadoc and may change in any release.
 *
 * <p>The forms a deploy pipeline keeps ECS and Application Auto Scaling inputs in, read for
 * {@code berth validate}: API inputs ({@code --cli-input-json}), describe outputs, bare container
 * definition arrays, scaling policy configurations, CloudFormation templates (JSON and YAML) and
 * Terraform plans. Each file is recognised by its content, mapped to the API inputs it amounts to, and
 * judged with core's and scaling's validators; problems are named where they stand in the file.
 */
package io.github.berth.cli.internal.forms;
