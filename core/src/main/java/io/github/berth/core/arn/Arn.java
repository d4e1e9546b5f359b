package io.github.berth.core.arn;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An Amazon Resource Name, split into its parts:
 * {@code arn:<partition>:<service>:<region>:<account>:<resource>}.
 *
 * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}...
 * @param service {@code ecs}, {@code application-autoscaling}...
 * @param region the region, e.g. {@code us-east-1}
 * @param account the 12-digit account id
 * @param resource everything after the fifth colon, e.g. {@code task-definition/web:3}
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public Arn {
        checkArgument(!partition.isEmpty() && !service.isEmpty(), "an ARN needs a partition and a service");
        checkArgument(!resource.isEmpty(), "an ARN needs a resource");
    }

    /**
     * Parses an ARN.
     *
     * @throws IllegalArgumentException if the text is not an ARN (null included), naming the part
     *     that is wrong and quoting the text (its first 200 characters)
     */
    public static Arn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            throw new IllegalArgumentException("not an ARN (it must start with 'arn:'): " + shown(text));
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            throw new IllegalArgumentException("not an ARN (it needs six ':'-separated parts): " + shown(text));
        }
        if (parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            throw new IllegalArgumentException(
                    "not an ARN (partition, service and resource must not be empty): " + shown(text));
        }
        return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    /** [model] The most characters of a refused text that a message quotes. */
    static final int SHOWN_CHARACTERS = 200;

    /** The text as a message quotes it: whole, or its first characters and "...", so a message stays short. */
    static String shown(String text) {
        return text == null || text.length() <= SHOWN_CHARACTERS
                ? String.valueOf(text)
                : text.substring(0, SHOWN_CHARACTERS) + "...";
    }

    /** Whether the text parses as an ARN. */
    public static boolean isArn(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
