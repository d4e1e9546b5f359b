package io.github.berth.testkit.fake;

import io.github.berth.core.api.ListAccountSettingsRequest;
import io.github.berth.core.api.ListAccountSettingsResponse;
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

/** PutAccountSetting and ListAccountSettings (docs/scheduler.md#account-settings). */
final class AccountOps {

  private final Engine e;

  AccountOps(Engine e) {
    this.e = e;
  }

  /** [doc] The defaults every account has today. */
  private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

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
  }

  PutAccountSettingResponse put(PutAccountSettingRequest r) {
    SettingName name = Resolve.required(r.name(), "name");
    String value = Resolve.required(r.value(), "value");
    if (!name.isKnown()) {
      throw new InvalidParameterException("name: " + name.value() + " is not a valid account setting name.");
    }
    if (name.value().endsWith("LongArnFormat") && !"enabled".equals(value)) {
      // [doc] The long ARN format can no longer be turned off.
      throw new InvalidParameterException("The long ARN format can no longer be disabled.");
    }
    String principal = r.principalArn() == null ? "arn:aws:iam::" + e.account + ":root" : r.principalArn();
    Setting s = Setting.builder().name(name).value(value).principalArn(principal).type(SettingType.USER).build();
    e.accountSettings.computeIfAbsent("", k -> new LinkedHashMap<>()).put(name.value(), s);
    return PutAccountSettingResponse.builder().setting(s).build();
  }

  ListAccountSettingsResponse list(ListAccountSettingsRequest r) {
    Map<String, Setting> set = e.accountSettings.getOrDefault("", Map.of());
    List<Setting> out = new ArrayList<>();
    boolean effective = Boolean.TRUE.equals(r.effectiveSettings());
    for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
      Setting s = set.get(d.getKey());
      if (s == null && effective) {
        s = Setting.builder().name(SettingName.fromValue(d.getKey())).value(d.getValue())
            .principalArn("arn:aws:iam::" + e.account + ":root").type(SettingType.AWS_MANAGED).build();
      }
      if (s == null) {
        continue;
      }
      if (r.name() != null && !r.name().value().equals(s.name().value())) {
        continue;
      }
      if (r.value() != null && !r.value().equals(s.value())) {
        continue;
      }
      out.add(s);
    }
    Pages.Page<Setting> page = Pages.page(out, r.maxResults(), r.nextToken(), 10, 10);
    return ListAccountSettingsResponse.builder().settings(page.items()).nextToken(page.nextToken()).build();
  }
}
