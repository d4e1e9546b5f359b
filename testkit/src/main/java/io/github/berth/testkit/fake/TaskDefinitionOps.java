package io.github.berth.testkit.fake;

import io.github.berth.core.api.DeleteTaskDefinitionsRequest;
import io.github.berth.core.api.DeleteTaskDefinitionsResponse;
import io.github.berth.core.api.DeregisterTaskDefinitionRequest;
import io.github.berth.core.api.DeregisterTaskDefinitionResponse;
import io.github.berth.core.api.DescribeTaskDefinitionRequest;
import io.github.berth.core.api.DescribeTaskDefinitionResponse;
import io.github.berth.core.api.ListTaskDefinitionFamiliesRequest;
import io.github.berth.core.api.ListTaskDefinitionFamiliesResponse;
import io.github.berth.core.api.ListTaskDefinitionsRequest;
import io.github.berth.core.api.ListTaskDefinitionsResponse;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.RegisterTaskDefinitionResponse;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.SortOrder;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionFamilyStatus;
import io.github.berth.core.model.TaskDefinitionField;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.TaskDefinitions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RegisterTaskDefinition and its siblings: revisions per family, ACTIVE → INACTIVE →
 * DELETE_IN_PROGRESS, the List operations' filters, order and pages. See docs/task-definitions.md.
 */
final class TaskDefinitionOps {

    private final Engine e;

    TaskDefinitionOps(Engine e) {
        this.e = e;
    }

    RegisterTaskDefinitionResponse register(RegisterTaskDefinitionRequest request) {
        TaskDefinitionValidator.requireValid(request);
        Tags.check(request.tags(), "tags");
        // requireValid refuses a request without a family (FamilyRule).
        String family = Objects.requireNonNull(request.family());
        int revision = e.taskDefinitions.nextRevision(family);
        TaskDefinition td = TaskDefinitions.registered(
                request,
                e.arns.taskDefinition(family, revision),
                revision,
                e.now(),
                "arn:aws:iam::" + e.account + ":root");
        List<Tag> tags = request.tags() == null ? List.of() : request.tags();
        e.taskDefinitions.add(new TaskDefinitionStore.Revision(td, tags));
        return RegisterTaskDefinitionResponse.builder()
                .taskDefinition(td)
                .tags(tags.isEmpty() ? null : tags)
                .build();
    }

    DeregisterTaskDefinitionResponse deregister(DeregisterTaskDefinitionRequest request) {
        String ref = Resolve.required(request.taskDefinition(), "taskDefinition");
        if (!ref.contains(":")) {
            // [doc] A revision is required to deregister (family:revision or the full ARN).
            throw new ClientException("Invalid revision number. Number: " + ref);
        }
        TaskDefinitionStore.Revision r = e.taskDefinitions.find(ref);
        if (r == null) {
            throw new ClientException("The specified task definition does not exist.");
        }
        if (TaskDefinitionStatus.DELETE_IN_PROGRESS.equals(r.status())) {
            // [obs] the text contains "in the process of being deleted".
            throw new ClientException("The specified task definition is in the process of being deleted.");
        }
        if (TaskDefinitionStatus.ACTIVE.equals(r.status())) {
            r.definition = r.definition.toBuilder()
                    .status(TaskDefinitionStatus.INACTIVE)
                    .deregisteredAt(e.now())
                    .build();
        }
        return DeregisterTaskDefinitionResponse.builder()
                .taskDefinition(r.definition)
                .build();
    }

    DescribeTaskDefinitionResponse describe(DescribeTaskDefinitionRequest request) {
        String ref = Resolve.required(request.taskDefinition(), "taskDefinition");
        TaskDefinitionStore.Revision r = e.taskDefinitions.find(ref);
        if (r == null) {
            // [obs] ClientException "Unable to describe task definition." (hashicorp/terraform#12609).
            throw new ClientException("Unable to describe task definition.");
        }
        boolean tags = request.include() != null && request.include().contains(TaskDefinitionField.TAGS);
        return DescribeTaskDefinitionResponse.builder()
                .taskDefinition(r.definition)
                .tags(tags ? List.copyOf(r.tags) : null)
                .build();
    }

    ListTaskDefinitionsResponse list(ListTaskDefinitionsRequest request) {
        TaskDefinitionStatus status = request.status() == null ? TaskDefinitionStatus.ACTIVE : request.status();
        List<String> arns = new ArrayList<>();
        for (Map.Entry<String, List<TaskDefinitionStore.Revision>> f : e.taskDefinitions.families.entrySet()) {
            // [doc] familyPrefix filters by the whole family name, despite its name.
            if (request.familyPrefix() != null && !f.getKey().equals(request.familyPrefix())) {
                continue;
            }
            for (TaskDefinitionStore.Revision r : f.getValue()) {
                if (r != null && status.equals(r.status())) {
                    arns.add(r.definition.taskDefinitionArn());
                }
            }
        }
        if (SortOrder.DESC.equals(request.sort())) {
            Collections.reverse(arns);
        }
        Pages.Page<String> page = Pages.page(arns, request.maxResults(), request.nextToken(), 100, 100);
        return ListTaskDefinitionsResponse.builder()
                .taskDefinitionArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    ListTaskDefinitionFamiliesResponse listFamilies(ListTaskDefinitionFamiliesRequest request) {
        TaskDefinitionFamilyStatus status =
                request.status() == null ? TaskDefinitionFamilyStatus.ALL : request.status();
        List<String> families = new ArrayList<>();
        for (Map.Entry<String, List<TaskDefinitionStore.Revision>> f : e.taskDefinitions.families.entrySet()) {
            if (request.familyPrefix() != null && !f.getKey().startsWith(request.familyPrefix())) {
                continue;
            }
            boolean anyActive =
                    f.getValue().stream().anyMatch(r -> r != null && TaskDefinitionStatus.ACTIVE.equals(r.status()));
            if (TaskDefinitionFamilyStatus.ALL.equals(status)
                    || (TaskDefinitionFamilyStatus.ACTIVE.equals(status) && anyActive)
                    || (TaskDefinitionFamilyStatus.INACTIVE.equals(status) && !anyActive)) {
                families.add(f.getKey());
            }
        }
        Pages.Page<String> page = Pages.page(families, request.maxResults(), request.nextToken(), 100, 100);
        return ListTaskDefinitionFamiliesResponse.builder()
                .families(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteTaskDefinitionsResponse delete(DeleteTaskDefinitionsRequest request) {
        List<String> refs = Resolve.required(request.taskDefinitions(), "taskDefinitions");
        if (refs.isEmpty() || refs.size() > 10) {
            // [doc] DeleteTaskDefinitions takes 1 to 10 revisions.
            throw new InvalidParameterException("taskDefinitions must contain between 1 and 10 items.");
        }
        List<TaskDefinition> deleted = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            TaskDefinitionStore.Revision r = ref.contains(":") ? e.taskDefinitions.find(ref) : null;
            if (r == null) {
                failures.add(Failure.builder()
                        .arn(ref)
                        .reason("The specified task definition does not exist.")
                        .build());
            } else if (TaskDefinitionStatus.ACTIVE.equals(r.status())) {
                // [unsure] The reason text for an ACTIVE revision is not documented; this names the fix.
                failures.add(Failure.builder()
                        .arn(r.definition.taskDefinitionArn())
                        .reason(
                                "The specified task definition is still in ACTIVE status. Please deregister the target and try again.")
                        .build());
            } else {
                if (TaskDefinitionStatus.INACTIVE.equals(r.status())) {
                    r.definition = r.definition.toBuilder()
                            .status(TaskDefinitionStatus.DELETE_IN_PROGRESS)
                            .deleteRequestedAt(e.now())
                            .build();
                }
                deleted.add(r.definition);
            }
        }
        return DeleteTaskDefinitionsResponse.builder()
                .taskDefinitions(deleted)
                .failures(failures)
                .build();
    }
}
