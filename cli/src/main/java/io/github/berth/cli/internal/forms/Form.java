package io.github.berth.cli.internal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.Nullable;
import java.util.Locale;

/** The forms {@code berth validate} recognises, each by its content; {@code --form} may force one. */
public enum Form {
    /** A RegisterTaskDefinition input, a DescribeTaskDefinition output or its {@code taskDefinition}. */
    TASK_DEFINITION("task-definition", "task definition"),
    /** A bare array of container definitions (Terraform's {@code container_definitions}). */
    CONTAINER_DEFINITIONS("container-definitions", "container definitions"),
    /** A CreateService input. */
    CREATE_SERVICE("create-service", "CreateService input"),
    /** An UpdateService input. */
    UPDATE_SERVICE("update-service", "UpdateService input"),
    /** A RegisterScalableTarget input. */
    SCALABLE_TARGET("register-scalable-target", "RegisterScalableTarget input"),
    /** A PutScalingPolicy input. */
    SCALING_POLICY("put-scaling-policy", "PutScalingPolicy input"),
    /** A {@code --target-tracking-scaling-policy-configuration} file. */
    TARGET_TRACKING("target-tracking-configuration", "target tracking scaling policy configuration"),
    /** A {@code --step-scaling-policy-configuration} file. */
    STEP_SCALING("step-scaling-configuration", "step scaling policy configuration"),
    /** A CloudFormation template, JSON or YAML (also what {@code cdk synth} writes). */
    CLOUDFORMATION("cloudformation", "CloudFormation template"),
    /** A Terraform plan as {@code terraform show -json} writes it. */
    TERRAFORM_PLAN("terraform-plan", "Terraform plan");

    private final String flag;
    private final String description;

    Form(String flag, String description) {
        this.flag = flag;
        this.description = description;
    }

    /** The name {@code --form} takes. */
    public String flag() {
        return flag;
    }

    /** What a file of this form is, for people. */
    public String description() {
        return description;
    }

    /** The form named {@code name} by {@code --form}. */
    public static Form parse(String name) {
        for (Form f : values()) {
            if (f.flag.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Form f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.flag);
        }
        throw new IllegalArgumentException("unknown form '" + name + "': use one of " + known);
    }

    /** The form of a document by its members; null when it is none Berth knows. */
    static @Nullable Form detect(JsonNode root) {
        if (root.isArray()) {
            if (root.size() > 0
                    && root.get(0).isObject()
                    && (root.get(0).has("name") || root.get(0).has("image"))) {
                return CONTAINER_DEFINITIONS;
            }
            return null;
        }
        if (!root.isObject()) {
            return null;
        }
        if (root.has("AWSTemplateFormatVersion") || isTemplateResources(root.get("Resources"))) {
            return CLOUDFORMATION;
        }
        if (root.has("format_version")
                && (root.has("planned_values") || root.has("resource_changes") || root.has("terraform_version"))) {
            return TERRAFORM_PLAN;
        }
        if ((root.has("taskDefinition") && !root.get("taskDefinition").isTextual())
                || root.has("containerDefinitions")
                || root.has("family")
                || root.has("taskDefinitionArn")) {
            return TASK_DEFINITION;
        }
        if (root.has("serviceName")) {
            return CREATE_SERVICE;
        }
        if (root.has("service") && root.get("service").isTextual()) {
            return UPDATE_SERVICE;
        }
        if (root.has("PolicyName") || root.has("PolicyType")) {
            return SCALING_POLICY;
        }
        if (root.has("ScalableDimension") || root.has("MinCapacity") || root.has("MaxCapacity")) {
            return SCALABLE_TARGET;
        }
        if (root.has("TargetValue")) {
            return TARGET_TRACKING;
        }
        if (root.has("StepAdjustments") || root.has("AdjustmentType")) {
            return STEP_SCALING;
        }
        return null;
    }

    private static boolean isTemplateResources(@Nullable JsonNode resources) {
        if (resources == null || !resources.isObject() || resources.size() == 0) {
            return false;
        }
        JsonNode first = resources.elements().next();
        return first.isObject() && first.has("Type");
    }
}
