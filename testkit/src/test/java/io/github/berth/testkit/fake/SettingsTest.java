package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.berth.core.api.ListAccountSettingsResponse;
import io.github.berth.core.error.ClusterNotFoundException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.ClusterField;
import io.github.berth.core.model.ClusterSetting;
import io.github.berth.core.model.ClusterSettingName;
import io.github.berth.core.model.Setting;
import io.github.berth.core.model.SettingName;
import io.github.berth.core.model.SettingType;
import io.github.berth.core.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * UpdateClusterSettings (docs/scheduler.md#cluster-settings) and the account settings: the default,
 * a principal's own, effective settings, deletion (docs/scheduler.md#account-settings).
 */
class SettingsTest {

    private static final String ROOT = "arn:aws:iam::123456789012:root";
    private static final String ALICE = "arn:aws:iam::123456789012:user/alice";

    // ------------------------------------------------------------------ UpdateClusterSettings

    @Test
    void updateClusterSettingsTurnsContainerInsightsToEnhancedAndLeavesTagsAlone() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod")
                .tags(List.of(Tag.builder().key("team").value("a").build())));
        long eventsBefore = ecs.events().all().size();

        Cluster answered = ecs.updateClusterSettings(b -> b.cluster("prod")
                        .settings(s ->
                                s.name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhanced")))
                .cluster();

        assertThat(answered.clusterName()).isEqualTo("prod");
        assertThat(answered.settings())
                .extracting(s -> s.name().value(), ClusterSetting::value)
                .containsExactly(tuple("containerInsights", "enhanced"));
        assertThat(answered.tags()).isEmpty();
        assertThat(answered.statistics()).isEmpty();
        Cluster described = ecs.describeClusters(
                        b -> b.clusters(List.of("prod")).include(List.of(ClusterField.SETTINGS, ClusterField.TAGS)))
                .clusters()
                .get(0);
        assertThat(described.settings()).extracting(ClusterSetting::value).containsExactly("enhanced");
        assertThat(described.tags()).extracting(Tag::key, Tag::value).containsExactly(tuple("team", "a"));
        assertThat(ecs.events().all()).hasSize((int) eventsBefore);
    }

    @Test
    void updateClusterSettingsRefusesAValueEcsDoesNotTakeAndChangesNothing() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));

        assertThatThrownBy(() -> ecs.updateClusterSettings(b -> b.cluster("prod")
                        .settings(s ->
                                s.name(ClusterSettingName.CONTAINER_INSIGHTS).value("enhaced"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid setting 'value'");
        assertThatThrownBy(() -> ecs.updateClusterSettings(b -> b.cluster("prod")
                        .settings(s -> s.name(ClusterSettingName.fromValue("xrayTracing"))
                                .value("enabled"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid setting 'name'");
        assertThat(ecs.describeClusters(b -> b.clusters(List.of("prod")).include(List.of(ClusterField.SETTINGS)))
                        .clusters()
                        .get(0)
                        .settings())
                .extracting(ClusterSetting::value)
                .containsExactly("disabled");
    }

    @Test
    void updateClusterSettingsOfAnUnknownClusterIsClusterNotFound() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.updateClusterSettings(b -> b.cluster("nope")
                        .settings(s ->
                                s.name(ClusterSettingName.CONTAINER_INSIGHTS).value("enabled"))))
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessage("Cluster not found.");
        assertThatThrownBy(() -> ecs.updateClusterSettings(b -> b.cluster("nope")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("settings can not be null.");
    }

    // ------------------------------------------------------------------ account settings

    @Test
    void putAccountSettingDefaultAppliesToAPrincipalWithNoSettingOfItsOwn() {
        FakeEcs ecs = Scenario.fake();
        Setting put = ecs.putAccountSettingDefault(
                        b -> b.name(SettingName.CONTAINER_INSIGHTS).value("enabled"))
                .setting();
        assertThat(put)
                .isEqualTo(Setting.builder()
                        .name(SettingName.CONTAINER_INSIGHTS)
                        .value("enabled")
                        .principalArn(ROOT)
                        .type(SettingType.USER)
                        .build());

        ListAccountSettingsResponse alice = ecs.listAccountSettings(
                b -> b.principalArn(ALICE).name(SettingName.CONTAINER_INSIGHTS).effectiveSettings(true));
        assertThat(alice.settings())
                .extracting(s -> s.name().value(), Setting::value, Setting::principalArn)
                .containsExactly(tuple("containerInsights", "enabled", ALICE));
        // Without effectiveSettings only Alice's own settings are listed: she has none.
        assertThat(ecs.listAccountSettings(b -> b.principalArn(ALICE)).settings())
                .isEmpty();
    }

    @Test
    void aPrincipalsOwnSettingOverridesTheDefaultUntilDeleted() {
        FakeEcs ecs = Scenario.fake();
        ecs.putAccountSettingDefault(b -> b.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
        ecs.putAccountSetting(
                b -> b.name(SettingName.CONTAINER_INSIGHTS).value("enhanced").principalArn(ALICE));
        assertThat(effective(ecs, ALICE, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enhanced");
        assertThat(effective(ecs, null, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enabled");

        Setting deleted = ecs.deleteAccountSetting(
                        b -> b.name(SettingName.CONTAINER_INSIGHTS).principalArn(ALICE))
                .setting();
        assertThat(deleted)
                .isEqualTo(Setting.builder()
                        .name(SettingName.CONTAINER_INSIGHTS)
                        .value("enhanced")
                        .principalArn(ALICE)
                        .type(SettingType.USER)
                        .build());
        assertThat(effective(ecs, ALICE, SettingName.CONTAINER_INSIGHTS)).isEqualTo("enabled");

        // Deleting the root user's setting deletes the default: AWS's default applies again.
        Setting rootDeleted = ecs.deleteAccountSetting(b -> b.name(SettingName.CONTAINER_INSIGHTS))
                .setting();
        assertThat(rootDeleted.value()).isEqualTo("enabled");
        assertThat(rootDeleted.principalArn()).isEqualTo(ROOT);
        assertThat(effective(ecs, ALICE, SettingName.CONTAINER_INSIGHTS)).isEqualTo("disabled");
    }

    @Test
    void effectiveSettingsListEveryNameOfTheModelWithAwsDefaultsAndGuardDutyAwsManaged() {
        FakeEcs ecs = Scenario.fake();
        ListAccountSettingsResponse first = ecs.listAccountSettings(b -> b.effectiveSettings(true));
        ListAccountSettingsResponse second =
                ecs.listAccountSettings(b -> b.effectiveSettings(true).nextToken(first.nextToken()));
        assertThat(first.settings()).hasSize(10);
        assertThat(second.nextToken()).isNull();
        List<Setting> all = new java.util.ArrayList<>(first.settings());
        all.addAll(second.settings());
        assertThat(all)
                .extracting(s -> s.name().value(), Setting::value, s -> s.type().value())
                .containsExactly(
                        tuple("serviceLongArnFormat", "enabled", "user"),
                        tuple("taskLongArnFormat", "enabled", "user"),
                        tuple("containerInstanceLongArnFormat", "enabled", "user"),
                        tuple("awsvpcTrunking", "disabled", "user"),
                        tuple("containerInsights", "disabled", "user"),
                        tuple("fargateFIPSMode", "disabled", "user"),
                        tuple("tagResourceAuthorization", "on", "user"),
                        tuple("fargateTaskRetirementWaitPeriod", "7", "user"),
                        tuple("guardDutyActivate", "off", "aws_managed"),
                        tuple("defaultLogDriverMode", "non-blocking", "user"),
                        tuple("fargateEventWindows", "disabled", "user"));
    }

    @Test
    void eachSettingTakesOnlyItsOwnValues() {
        FakeEcs ecs = Scenario.fake();
        ecs.putAccountSettingDefault(
                b -> b.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("14"));
        ecs.putAccountSettingDefault(
                b -> b.name(SettingName.DEFAULT_LOG_DRIVER_MODE).value("blocking"));
        ecs.putAccountSetting(
                b -> b.name(SettingName.TAG_RESOURCE_AUTHORIZATION).value("off"));
        assertThat(effective(ecs, null, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD))
                .isEqualTo("14");
        assertThat(effective(ecs, null, SettingName.DEFAULT_LOG_DRIVER_MODE)).isEqualTo("blocking");
        assertThat(effective(ecs, null, SettingName.TAG_RESOURCE_AUTHORIZATION)).isEqualTo("off");

        assertThatThrownBy(() -> ecs.putAccountSettingDefault(b ->
                        b.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD).value("3")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "value: 3 is not a valid value for the account setting fargateTaskRetirementWaitPeriod; valid values are 0, 7, 14.");
        assertThatThrownBy(() -> ecs.putAccountSetting(
                        b -> b.name(SettingName.TAG_RESOURCE_AUTHORIZATION).value("enabled")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "value: enabled is not a valid value for the account setting tagResourceAuthorization; valid values are on, off.");
        assertThatThrownBy(() -> ecs.putAccountSettingDefault(
                        b -> b.name(SettingName.TASK_LONG_ARN_FORMAT).value("disabled")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The long ARN format can no longer be disabled.");
        // Nothing the refused calls named changed.
        assertThat(effective(ecs, null, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD))
                .isEqualTo("14");
        assertThat(effective(ecs, null, SettingName.TAG_RESOURCE_AUTHORIZATION)).isEqualTo("off");
    }

    @Test
    void guardDutyActivateIsReadOnlyAndTheRetirementWaitIsTheRootUsers() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.putAccountSettingDefault(
                        b -> b.name(SettingName.GUARD_DUTY_ACTIVATE).value("on")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("name: guardDutyActivate is read-only; Amazon GuardDuty manages it.");
        assertThatThrownBy(() -> ecs.deleteAccountSetting(b -> b.name(SettingName.GUARD_DUTY_ACTIVATE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("name: guardDutyActivate is read-only; Amazon GuardDuty manages it.");
        assertThatThrownBy(() -> ecs.putAccountSetting(b -> b.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                        .value("0")
                        .principalArn(ALICE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("principalArn: fargateTaskRetirementWaitPeriod can only be set for the root user.");
        ecs.putAccountSetting(b -> b.name(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)
                .value("0")
                .principalArn(ROOT));
        assertThat(effective(ecs, ALICE, SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD))
                .isEqualTo("0");
    }

    @Test
    void badNamesPrincipalsAndFiltersAreRefused() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.deleteAccountSetting(b -> b.name(SettingName.fromValue("dualStackIPv6"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("name: dualStackIPv6 is not a valid account setting name.");
        assertThatThrownBy(() -> ecs.putAccountSetting(b ->
                        b.name(SettingName.CONTAINER_INSIGHTS).value("enabled").principalArn("alice")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("principalArn: alice is not the ARN of an IAM user, role or root user.");
        assertThatThrownBy(() -> ecs.listAccountSettings(b -> b.value("enabled")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("value: a setting name must be given with a value.");
        assertThatThrownBy(() -> ecs.deleteAccountSetting(b -> b.principalArn(ALICE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("name can not be null.");
    }

    @Test
    void deletingASettingNeverSetAnswersTheOneInEffectAndChangesNothing() {
        FakeEcs ecs = Scenario.fake();
        ecs.putAccountSettingDefault(b -> b.name(SettingName.AWSVPC_TRUNKING).value("enabled"));
        Setting answered = ecs.deleteAccountSetting(
                        b -> b.name(SettingName.AWSVPC_TRUNKING).principalArn(ALICE))
                .setting();
        assertThat(answered)
                .isEqualTo(Setting.builder()
                        .name(SettingName.AWSVPC_TRUNKING)
                        .value("enabled")
                        .principalArn(ALICE)
                        .type(SettingType.USER)
                        .build());
        assertThat(effective(ecs, null, SettingName.AWSVPC_TRUNKING)).isEqualTo("enabled");
    }

    private static String effective(FakeEcs ecs, String principal, SettingName name) {
        List<Setting> s = ecs.listAccountSettings(
                        b -> b.principalArn(principal).name(name).effectiveSettings(true))
                .settings();
        assertThat(s).hasSize(1);
        return s.get(0).value();
    }
}
