package io.github.berth.core.arn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArnTest {

    private final EcsArns arns = EcsArns.of("us-east-1", "123456789012");

    @Test
    void formatsTheLongArnOfEveryResource() {
        assertThat(arns.cluster("prod")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(arns.service("prod", "web")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/web");
        assertThat(arns.task("prod", "0123456789abcdef0123456789abcdef"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef");
        assertThat(arns.containerInstance("prod", "ab"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:container-instance/prod/ab");
        assertThat(arns.container("prod", "t1", "c1"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:container/prod/t1/c1");
        assertThat(arns.taskDefinition("web", 3)).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3");
        assertThat(arns.taskSet("prod", "web", "ecs-svc/1234567890123456789"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-set/prod/web/ecs-svc/1234567890123456789");
        assertThat(arns.capacityProvider("spot"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/spot");
        assertThat(arns.serviceDeployment("prod", "web", "d1"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/d1");
        assertThat(arns.serviceRevision("prod", "web", "r1"))
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service-revision/prod/web/r1");
        assertThat(EcsArns.of("aws-cn", "cn-north-1", "123456789012").cluster("c"))
                .isEqualTo("arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c");
    }

    @Test
    void parsesWhatItFormats() {
        EcsArn task = EcsArn.parse(arns.task("prod", "abc"));
        assertThat(task.type()).isEqualTo(EcsArn.Type.TASK);
        assertThat(task.cluster()).isEqualTo("prod");
        assertThat(task.name()).isEqualTo("abc");
        assertThat(task.arn().region()).isEqualTo("us-east-1");
        assertThat(task.arn().account()).isEqualTo("123456789012");

        EcsArn td = EcsArn.parse(arns.taskDefinition("web-app_1", 42));
        assertThat(td.type()).isEqualTo(EcsArn.Type.TASK_DEFINITION);
        assertThat(td.name()).isEqualTo("web-app_1");
        assertThat(td.revision()).isEqualTo(42);

        EcsArn container = EcsArn.parse(arns.container("prod", "t1", "c1"));
        assertThat(container.parent()).isEqualTo("t1");
        assertThat(container.name()).isEqualTo("c1");

        EcsArn set = EcsArn.parse(arns.taskSet("prod", "web", "ecs-svc/1234567890123456789"));
        assertThat(set.parent()).isEqualTo("web");
        assertThat(set.name()).isEqualTo("ecs-svc/1234567890123456789");

        assertThat(EcsArn.parse(arns.cluster("prod")).cluster()).isEqualTo("prod");
        assertThat(EcsArn.parse(arns.capacityProvider("spot")).name()).isEqualTo("spot");
        assertThat(EcsArn.parse(arns.service("prod", "web")).toString()).isEqualTo(arns.service("prod", "web"));
    }

    @Test
    void parsesEveryResourceTypeItFormats() {
        record Case(String arn, EcsArn.Type type, String cluster, String name, String parent, Integer revision) {}
        List<Case> cases = List.of(
                new Case(arns.cluster("prod"), EcsArn.Type.CLUSTER, "prod", "prod", null, null),
                new Case(arns.service("prod", "web"), EcsArn.Type.SERVICE, "prod", "web", null, null),
                new Case(
                        arns.task("prod", "0123456789abcdef0123456789abcdef"),
                        EcsArn.Type.TASK,
                        "prod",
                        "0123456789abcdef0123456789abcdef",
                        null,
                        null),
                new Case(
                        arns.containerInstance("prod", "fedcba9876543210fedcba9876543210"),
                        EcsArn.Type.CONTAINER_INSTANCE,
                        "prod",
                        "fedcba9876543210fedcba9876543210",
                        null,
                        null),
                new Case(arns.container("prod", "t1", "c1"), EcsArn.Type.CONTAINER, "prod", "c1", "t1", null),
                new Case(arns.taskDefinition("web", 7), EcsArn.Type.TASK_DEFINITION, null, "web", null, 7),
                new Case(
                        arns.taskSet("prod", "web", "ecs-svc/1234567890123456789"),
                        EcsArn.Type.TASK_SET,
                        "prod",
                        "ecs-svc/1234567890123456789",
                        "web",
                        null),
                new Case(arns.capacityProvider("spot"), EcsArn.Type.CAPACITY_PROVIDER, null, "spot", null, null),
                new Case(
                        arns.serviceDeployment("prod", "web", "NCWGC2ZR-taawPAYrIaU5"),
                        EcsArn.Type.SERVICE_DEPLOYMENT,
                        "prod",
                        "NCWGC2ZR-taawPAYrIaU5",
                        "web",
                        null),
                new Case(
                        arns.serviceRevision("prod", "web", "4980306466373577095"),
                        EcsArn.Type.SERVICE_REVISION,
                        "prod",
                        "4980306466373577095",
                        "web",
                        null));
        assertThat(cases).extracting(Case::type).containsExactlyInAnyOrder(EcsArn.Type.values());
        for (Case c : cases) {
            EcsArn parsed = EcsArn.parse(c.arn());
            assertThat(parsed.type()).as(c.arn()).isEqualTo(c.type());
            assertThat(parsed.cluster()).as(c.arn()).isEqualTo(c.cluster());
            assertThat(parsed.name()).as(c.arn()).isEqualTo(c.name());
            assertThat(parsed.parent()).as(c.arn()).isEqualTo(c.parent());
            assertThat(parsed.revision()).as(c.arn()).isEqualTo(c.revision());
            assertThat(parsed.arn().partition()).isEqualTo("aws");
            assertThat(parsed.arn().service()).isEqualTo("ecs");
            assertThat(parsed.arn().region()).isEqualTo("us-east-1");
            assertThat(parsed.arn().account()).isEqualTo("123456789012");
            assertThat(parsed.toString()).isEqualTo(c.arn());
            assertThat(c.arn())
                    .startsWith("arn:aws:ecs:us-east-1:123456789012:" + c.type().prefix() + "/");
        }
    }

    @Test
    void parsesTheOldShortFormat() {
        EcsArn old = EcsArn.parse("arn:aws:ecs:us-east-1:123456789012:task/f2ad7dba-413f-45dd-b4f4-9d8f4ae73f1b");
        assertThat(old.cluster()).isNull();
        assertThat(old.name()).isEqualTo("f2ad7dba-413f-45dd-b4f4-9d8f4ae73f1b");
        assertThat(EcsArn.parse("arn:aws:ecs:us-east-1:123456789012:service/web")
                        .name())
                .isEqualTo("web");
        EcsArn instance = EcsArn.parse(
                "arn:aws:ecs:us-east-1:123456789012:container-instance/f2ad7dba-413f-45dd-b4f4-9d8f4ae73f1b");
        assertThat(instance.type()).isEqualTo(EcsArn.Type.CONTAINER_INSTANCE);
        assertThat(instance.cluster()).isNull();
        EcsArn container =
                EcsArn.parse("arn:aws:ecs:us-east-1:123456789012:container/0b69d5c0-d655-4695-98cd-5d2d526d9d5a");
        assertThat(container.type()).isEqualTo(EcsArn.Type.CONTAINER);
        assertThat(container.name()).isEqualTo("0b69d5c0-d655-4695-98cd-5d2d526d9d5a");
        assertThat(container.parent()).isNull();
    }

    @Test
    void refusesWhatIsNotAnEcsArn() {
        assertThatThrownBy(() -> EcsArn.parse("cluster/prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with 'arn:'");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:s3:::bucket/key")).hasMessageContaining("not an ECS ARN");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:widget/x"))
                .hasMessageContaining("unknown ECS resource type");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:task-definition/web"))
                .hasMessageContaining("without a revision");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:task-definition/web:x"))
                .hasMessageContaining("bad revision");
        for (String revision : new String[] {"0", "-1", "+3", " 3", "", "9999999999"}) {
            assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:task-definition/web:" + revision))
                    .as(revision)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:service/prod/web/extra"))
                .hasMessageContaining("number of '/'");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:task-set/prod/web"))
                .hasMessageContaining("<cluster>/<service>/<id>");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:cluster/"))
                .hasMessageContaining("empty part");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:cluster"))
                .hasMessageContaining("no '<type>/'");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:task/a/b/c"))
                .hasMessageContaining("number of '/'");
        assertThatThrownBy(() -> Arn.parse("arn:aws:ecs")).hasMessageContaining("six");
        assertThat(Arn.isArn("arn:aws:ecs:us-east-1:1:cluster/x")).isTrue();
        assertThat(Arn.isArn("nope")).isFalse();
    }

    @Test
    void idsHaveEcsFormatsAndFollowTheSeed() {
        Ids ids = new Ids(7);
        String task = ids.taskId();
        assertThat(task).matches("[0-9a-f]{32}");
        assertThat(ids.containerInstanceId()).matches("[0-9a-f]{32}");
        assertThat(ids.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(ids.deploymentId()).matches("ecs-svc/[1-9][0-9]{18}");
        assertThat(new Ids(7).taskId()).isEqualTo(task);
        assertThat(new Ids(8).taskId()).isNotEqualTo(task);
        Set<String> many = new HashSet<>();
        Ids more = new Ids(1);
        for (int i = 0; i < 10_000; i++) {
            many.add(more.taskId());
        }
        assertThat(many).hasSize(10_000);
    }
}
