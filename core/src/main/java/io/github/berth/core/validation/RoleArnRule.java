package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.Arn;
import io.github.berth.core.validation.internal.Violations;

/**
 * The forms of the task's roles (docs/task-definitions.md#roles): {@code taskRoleArn} takes "The short name or
 * full Amazon Resource Name (ARN) of the IAM role" (API RegisterTaskDefinitionRequest.taskRoleArn) [doc], and a
 * full ARN must be an IAM role's. ECS answers an ARN of anything else (a CloudFormation stack, an ECS cluster)
 * with {@code Role is not valid} [obs] (aws-samples/aws-modern-application-workshop#9). [model] the same form
 * for {@code executionRoleArn}, and a value that does not start with {@code arn:} is taken as a role's short
 * name; whether the role exists is account state, not checked here.
 */
final class RoleArnRule implements TaskDefinitionRule {

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        check(td.request.taskRoleArn(), "taskRoleArn", out);
        check(td.request.executionRoleArn(), "executionRoleArn", out);
    }

    private static void check(@Nullable String role, String member, Violations out) {
        if (role != null && role.startsWith("arn:") && !isRoleArn(role)) {
            out.client(JsonPath.root().child(member), TaskDefinitionMessages.ROLE_NOT_VALID);
        }
    }

    /**
     * {@code arn:<partition>:iam::<12-digit account>:role/<path/>name} (IAM identifiers: role ARNs carry no
     * region) [doc].
     */
    static boolean isRoleArn(String arn) {
        if (!Arn.isArn(arn)) {
            return false;
        }
        Arn parsed = Arn.parse(arn);
        String resource = parsed.resource();
        return parsed.service().equals("iam")
                && parsed.region().isEmpty()
                && parsed.account().length() == 12
                && parsed.account().chars().allMatch(ch -> ch >= '0' && ch <= '9')
                && resource.startsWith("role/")
                && resource.length() > "role/".length()
                && !resource.endsWith("/");
    }
}
