package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.DeleteAccountSettingRequest;
import io.github.berth.core.api.DeleteAccountSettingResponse;
import io.github.berth.core.api.ListAccountSettingsRequest;
import io.github.berth.core.api.ListAccountSettingsResponse;
import io.github.berth.core.api.PutAccountSettingDefaultRequest;
import io.github.berth.core.api.PutAccountSettingDefaultResponse;
import io.github.berth.core.api.PutAccountSettingRequest;
import io.github.berth.core.api.PutAccountSettingResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Setting;
import io.github.berth.core.model.SettingName;
import io.github.berth.core.model.SettingType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * PutAccountSetting, PutAccountSettingDefault, DeleteAccountSetting and ListAccountSettings
 * (docs/scheduler.md#account-settings).
 *
 * <p>Settings are kept by principal: under {@code ""} the account default, which is the root user's
 * setting ([doc] API PutAccountSetting: "If you change the root user account setting, the default
 * settings are reset for users and roles that do not have specified individual account settings"),
 * and under a user's or role's ARN that principal's own setting. [model] The fake has no IAM: the
 * caller is the account's root user, so a call with no {@code principalArn} acts on the default.
 */
final class AccountOps {

    private final Engine e;

    AccountOps(Engine e) {
        this.e = e;
    }

    /** The key of the account default in {@link Engine#accountSettings}. */
    static final String DEFAULT = "";

    /** [doc] The defaults every account has today, in the order of the API model's SettingName. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    /** [doc] The values each setting takes (API PutAccountSetting {@code value}, developer guide ecs-account-settings). */
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

    static {
        DEFAULTS.put("serviceLongArnFormat", "enabled");
        DEFAULTS.put("taskLongArnFormat", "enabled");
        DEFAULTS.put("containerInstanceLongArnFormat", "enabled");
        DEFAULTS.put("awsvpcTrunking", "disabled");
        DEFAULTS.put("containerInsights", "disabled");
        DEFAULTS.put("fargateFIPSMode", "disabled");
        DEFAULTS.put("tagResourceAuthorization", "on");
        DEFAULTS.put("fargateTaskRetirementWaitPeriod", "7");
        DEFAULTS.put("guardDutyActivate", "off");
        DEFAULTS.put("defaultLogDriverMode", "non-blocking");
        // [unsure] No AWS page states this default; the event windows are opt-in.
        DEFAULTS.put("fargateEventWindows", "disabled");
        VALUES.put("serviceLongArnFormat", List.of("enabled"));
        VALUES.put("taskLongArnFormat", List.of("enabled"));
        VALUES.put("containerInstanceLongArnFormat", List.of("enabled"));
        VALUES.put("awsvpcTrunking", List.of("enabled", "disabled"));
        VALUES.put("containerInsights", List.of("enhanced", "enabled", "disabled"));
        VALUES.put("fargateFIPSMode", List.of("enabled", "disabled"));
        VALUES.put("tagResourceAuthorization", List.of("on", "off"));
        VALUES.put("fargateTaskRetirementWaitPeriod", List.of("0", "7", "14"));
        VALUES.put("guardDutyActivate", List.of("on", "off"));
        VALUES.put("defaultLogDriverMode", List.of("blocking", "non-blocking"));
        VALUES.put("fargateEventWindows", List.of("enabled", "disabled"));
    }

    /** [doc] IAM principal ARNs: the root user, a user or a role (IAM identifiers). */
    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:(root|user/.+|role/.+)");

    private String root() {
        return "arn:aws:iam::" + e.account + ":root";
    }

    PutAccountSettingResponse put(PutAccountSettingRequest r) {
        SettingName name = Resolve.required(r.name(), "name");
        String value = Resolve.required(r.value(), "value");
        checkWritable(name, value);
        String key = key(r.principalArn());
        if (!DEFAULT.equals(key) && name.equals(SettingName.FARGATE_TASK_RETIREMENT_WAIT_PERIOD)) {
            // [doc] API PutAccountSetting: "You must use the root user when you set the Fargate wait time";
            // [unsure] the text.
            throw new InvalidParameterException(
                    "principalArn: fargateTaskRetirementWaitPeriod can only be set for the root user.");
        }
        Setting s = store(key, name, value, r.principalArn() == null ? root() : r.principalArn());
        return PutAccountSettingResponse.builder().setting(s).build();
    }

    /**
     * [doc] PutAccountSettingDefault sets the setting "for all users on an account for whom no individual
     * account setting has been specified"; the API's example answers the root user's ARN.
     */
    PutAccountSettingDefaultResponse putDefault(PutAccountSettingDefaultRequest r) {
        SettingName name = Resolve.required(r.name(), "name");
        String value = Resolve.required(r.value(), "value");
        checkWritable(name, value);
        Setting s = store(DEFAULT, name, value, root());
        return PutAccountSettingDefaultResponse.builder().setting(s).build();
    }

    /**
     * DeleteAccountSetting: removes the principal's own setting (the root user's: the account default)
     * and answers it ([doc] the API's examples answer the deleted setting). The principal then has the
     * account default, or AWS's. [unsure] With nothing set, ECS's answer is not documented; the fake
     * answers the setting in effect, unchanged.
     */
    DeleteAccountSettingResponse delete(DeleteAccountSettingRequest r) {
        SettingName name = Resolve.required(r.name(), "name");
        checkName(name);
        if (name.equals(SettingName.GUARD_DUTY_ACTIVATE)) {
            throw readOnly();
        }
        String key = key(r.principalArn());
        String principal = r.principalArn() == null ? root() : r.principalArn();
        Map<String, Setting> own = e.accountSettings.get(key);
        Setting removed = own == null ? null : own.remove(name.value());
        if (own != null && own.isEmpty()) {
            e.accountSettings.remove(key);
        }
        Setting answer = removed != null ? removed : effective(key, name.value(), principal);
        return DeleteAccountSettingResponse.builder().setting(answer).build();
    }

    ListAccountSettingsResponse list(ListAccountSettingsRequest r) {
        if (r.value() != null && r.name() == null) {
            // [doc] API ListAccountSettings: "You must also specify an account setting name to use this
            // parameter"; [unsure] the text.
            throw new InvalidParameterException("value: a setting name must be given with a value.");
        }
        if (r.name() != null) {
            checkName(r.name());
        }
        String key = key(r.principalArn());
        String principal = r.principalArn() == null ? root() : r.principalArn();
        Map<String, Setting> own = e.accountSettings.getOrDefault(key, Map.of());
        boolean effective = Boolean.TRUE.equals(r.effectiveSettings());
        List<Setting> out = new ArrayList<>();
        for (String name : DEFAULTS.keySet()) {
            if (r.name() != null && !r.name().value().equals(name)) {
                continue;
            }
            // [doc] effectiveSettings: the principal's own setting, else the root user's (the account
            // default), else AWS's default; without it, only the principal's own settings.
            Setting s = own.get(name);
            if (s == null && effective) {
                s = effective(key, name, principal);
            }
            if (s == null || (r.value() != null && !r.value().equals(s.value()))) {
                continue;
            }
            out.add(s);
        }
        Pages.Page<Setting> page = Pages.page(out, r.maxResults(), r.nextToken(), 10, 10);
        return ListAccountSettingsResponse.builder()
                .settings(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    /** The value of the setting in force for the principal, as ListAccountSettings with effectiveSettings shows it. */
    @Nullable
    String effectiveValue(@Nullable String principalArn, String name) {
        Setting s = effective(key(principalArn), name, principalArn == null ? root() : principalArn);
        return s == null ? null : s.value();
    }

    // ------------------------------------------------------------------ helpers

    private @Nullable Setting effective(String key, String name, String principal) {
        Map<String, Setting> own = e.accountSettings.get(key);
        Setting s = own == null ? null : own.get(name);
        if (s != null) {
            return s;
        }
        Map<String, Setting> defaults = e.accountSettings.get(DEFAULT);
        Setting d = defaults == null ? null : defaults.get(name);
        String value = d != null ? d.value() : DEFAULTS.get(name);
        if (value == null) {
            return null;
        }
        // [doc] The API's examples of effective settings answer the principal asked about.
        return setting(SettingName.fromValue(name), value, principal);
    }

    private Setting store(String key, SettingName name, String value, String principal) {
        Setting s = setting(name, value, principal);
        e.accountSettings.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name.value(), s);
        return s;
    }

    /**
     * [doc] API Setting.type: "aws_managed account settings are read-only ... Currently, the
     * guardDutyActivate account setting is the only one Amazon Web Services manages"; the others are user.
     */
    private static Setting setting(SettingName name, String value, String principal) {
        return Setting.builder()
                .name(name)
                .value(value)
                .principalArn(principal)
                .type(name.equals(SettingName.GUARD_DUTY_ACTIVATE) ? SettingType.AWS_MANAGED : SettingType.USER)
                .build();
    }

    /** The principal's key: the account default for none or the root user, else the ARN. */
    private String key(@Nullable String principalArn) {
        if (principalArn == null || principalArn.equals(root())) {
            return DEFAULT;
        }
        if (!PRINCIPAL.matcher(principalArn).matches()) {
            // [unsure] ECS's text is not documented.
            throw new InvalidParameterException(
                    "principalArn: " + principalArn + " is not the ARN of an IAM user, role or root user.");
        }
        return principalArn;
    }

    private static void checkName(SettingName name) {
        if (!name.isKnown()) {
            throw new InvalidParameterException("name: " + name.value() + " is not a valid account setting name.");
        }
    }

    private static void checkWritable(SettingName name, String value) {
        checkName(name);
        if (name.equals(SettingName.GUARD_DUTY_ACTIVATE)) {
            throw readOnly();
        }
        if (name.value().endsWith("LongArnFormat") && !"enabled".equals(value)) {
            // [doc] The long ARN format can no longer be turned off.
            throw new InvalidParameterException("The long ARN format can no longer be disabled.");
        }
        // checkName let only a known name through, and VALUES holds every known one.
        List<String> allowed = Objects.requireNonNull(VALUES.get(name.value()));
        if (!allowed.contains(value)) {
            // [doc] the values (API PutAccountSetting value); [unsure] ECS's text.
            throw new InvalidParameterException("value: " + value + " is not a valid value for the account setting "
                    + name.value() + "; valid values are " + String.join(", ", allowed) + ".");
        }
    }

    /** [doc] guardDutyActivate "is read-only in Amazon ECS" (API PutAccountSetting); [unsure] the text. */
    private static InvalidParameterException readOnly() {
        return new InvalidParameterException("name: guardDutyActivate is read-only; Amazon GuardDuty manages it.");
    }
}
