package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag rules every ECS resource shares [doc API {@code Tag}]: at most 50 tags, keys of 1 to 128
 * characters, values of at most 256, and the {@code aws:} prefix reserved (not counted, not
 * settable).
 */
final class Tags {

    static final int MAX_TAGS = 50;

    private Tags() {}

    static void check(@Nullable List<Tag> tags, String member) {
        if (tags == null) {
            return;
        }
        int counted = 0;
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            String path = member + "[" + i + "]";
            if (t == null || t.key() == null || t.key().isEmpty()) {
                throw new InvalidParameterException(path + ".key: Tag keys must be between 1 and 128 characters.");
            }
            if (t.key().length() > 128) {
                throw new InvalidParameterException(path + ".key: Tag keys must be between 1 and 128 characters.");
            }
            if (t.value() != null && t.value().length() > 256) {
                throw new InvalidParameterException(path + ".value: Tag values must be at most 256 characters.");
            }
            if (t.key().regionMatches(true, 0, "aws:", 0, 4)) {
                // [doc] "The aws: prefix is reserved for AWS use": it can be neither added nor removed.
                throw new InvalidParameterException(
                        path + ".key: Tag keys with the 'aws:' prefix are reserved for AWS use.");
            }
            counted++;
        }
        if (counted > MAX_TAGS) {
            throw new InvalidParameterException(member + ": A resource can have at most 50 tags.");
        }
    }

    /** {@code existing} with {@code added} put over it (same key: new value), checked as a whole. */
    static List<Tag> merged(List<Tag> existing, List<Tag> added) {
        Map<String, Tag> byKey = new LinkedHashMap<>();
        for (Tag t : existing) {
            byKey.put(t.key(), t);
        }
        for (Tag t : added) {
            byKey.put(t.key(), t);
        }
        List<Tag> out = new ArrayList<>(byKey.values());
        if (out.size() > MAX_TAGS) {
            // [doc] LimitExceededException is TagResource's error for too many tags.
            throw new io.github.berth.core.error.LimitExceededException(
                    "Resource has reached the limit of " + MAX_TAGS + " tags.");
        }
        return out;
    }

    static List<Tag> without(List<Tag> existing, List<String> keys) {
        List<Tag> out = new ArrayList<>();
        for (Tag t : existing) {
            if (!keys.contains(t.key())) {
                out.add(t);
            }
        }
        return out;
    }

    static @Nullable List<Tag> orNull(List<Tag> tags) {
        return tags.isEmpty() ? null : List.copyOf(tags);
    }
}
