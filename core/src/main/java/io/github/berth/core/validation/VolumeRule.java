package io.github.berth.core.validation;

import io.github.berth.core.model.EFSAuthorizationConfig;
import io.github.berth.core.model.EFSAuthorizationConfigIAM;
import io.github.berth.core.model.EFSTransitEncryption;
import io.github.berth.core.model.EFSVolumeConfiguration;
import io.github.berth.core.model.Volume;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;

/**
 * The task's volumes (docs/task-definitions.md#volumes): names of up to 255 letters, digits, '_' and '-'
 * (required for EFS volumes), at most one volume configured at launch, and the EFS settings that go
 * together: an access point takes the root directory "/" or none, and an access point or IAM authorization
 * needs transit encryption. Where Fargate forbids a volume kind is {@link FargateRule}'s.
 */
final class VolumeRule implements TaskDefinitionRule {

    private static final JsonPath VOLUMES = JsonPath.root().child("volumes");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        List<Volume> volumes = td.request.volumes();
        if (volumes == null) {
            return;
        }
        int configuredAtLaunch = 0;
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            if (v == null) {
                continue;
            }
            checkName(v, i, out);
            if (Boolean.TRUE.equals(v.configuredAtLaunch()) && ++configuredAtLaunch == 2) {
                // API Volume.configuredAtLaunch: "Each task definition revision may only have one volume configured at
                // launch in the volume configuration" [doc]; reported once, at the second such volume.
                out.client(
                        VOLUMES.index(i).child("configuredAtLaunch"),
                        TaskDefinitionMessages.TOO_MANY_VOLUMES_CONFIGURED_AT_LAUNCH);
            }
            if (v.efsVolumeConfiguration() != null) {
                checkEfs(v.efsVolumeConfiguration(), VOLUMES.index(i).child("efsVolumeConfiguration"), out);
            }
        }
    }

    /**
     * API Volume.name: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are
     * allowed"; "When a volume is using the efsVolumeConfiguration, the name is required" [doc]. Texts [model],
     * worded like ECS's container name texts.
     */
    private static void checkName(Volume v, int i, Violations out) {
        String name = v.name();
        JsonPath path = VOLUMES.index(i).child("name");
        if (name == null || name.isEmpty()) {
            if (v.efsVolumeConfiguration() != null) {
                out.client(path, TaskDefinitionMessages.VOLUME_NAME_BLANK);
            }
        } else if (name.length() > FamilyRule.MAX_LENGTH) {
            out.client(path, TaskDefinitionMessages.VOLUME_NAME_TOO_LONG);
        } else if (!FamilyRule.isName(name)) {
            out.client(path, TaskDefinitionMessages.VOLUME_NAME_INVALID_CHARACTERS);
        }
    }

    /**
     * API EFSVolumeConfiguration and EFSAuthorizationConfig [doc]: "If an EFS access point is specified in the
     * authorizationConfig, the root directory parameter must either be omitted or set to /" (ECS's text [obs]
     * aws/aws-cdk#10683); "If an access point is used, transit encryption must be on" and IAM authorization
     * "If it is turned on, transit encryption must be turned on" (text [model]).
     */
    private static void checkEfs(EFSVolumeConfiguration efs, JsonPath at, Violations out) {
        EFSAuthorizationConfig auth = efs.authorizationConfig();
        boolean accessPoint = auth != null
                && auth.accessPointId() != null
                && !auth.accessPointId().isEmpty();
        boolean iam = auth != null && EFSAuthorizationConfigIAM.ENABLED.equals(auth.iam());
        if (accessPoint
                && efs.rootDirectory() != null
                && !efs.rootDirectory().isEmpty()
                && !efs.rootDirectory().equals("/")) {
            out.client(at.child("rootDirectory"), TaskDefinitionMessages.EFS_ACCESS_POINT_ROOT_DIRECTORY);
        }
        if ((accessPoint || iam) && !EFSTransitEncryption.ENABLED.equals(efs.transitEncryption())) {
            out.client(at.child("transitEncryption"), TaskDefinitionMessages.EFS_NEEDS_TRANSIT_ENCRYPTION);
        }
    }
}
