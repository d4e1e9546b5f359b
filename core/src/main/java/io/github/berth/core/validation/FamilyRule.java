package io.github.berth.core.validation;

import io.github.berth.core.validation.internal.Violations;

/** The task definition family: required, 1-255 letters, digits, '_' and '-' (docs/task-definitions.md#family-and-revision). */
final class FamilyRule implements TaskDefinitionRule {

    static final int MAX_LENGTH = 255;
    private static final JsonPath FAMILY = JsonPath.root().child("family");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        String family = td.request.family();
        if (family == null || family.isBlank()) {
            out.client(FAMILY, TaskDefinitionMessages.FAMILY_BLANK);
        } else if (family.length() > MAX_LENGTH) {
            out.client(FAMILY, TaskDefinitionMessages.FAMILY_TOO_LONG);
        } else if (!isName(family)) {
            out.client(FAMILY, TaskDefinitionMessages.FAMILY_INVALID_CHARACTERS);
        }
    }

    /** Letters, digits, underscores and hyphens (ASCII), the characters ECS allows in family and container names. */
    static boolean isName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
