package io.github.berth.core.arn;

import java.util.SplittableRandom;

/**
 * Mints the ids ECS gives its resources, from a seed: the same seed gives the same ids in the same
 * order. Not thread-safe; give each owner its own.
 *
 * <ul>
 *   <li>task and container instance ids: 32 lowercase hex digits (the new format);
 *   <li>container, event and scalable target ids: a UUID (36 characters, version 4 layout);
 *   <li>deployment and task set ids: {@code ecs-svc/} and 19 decimal digits.
 * </ul>
 */
public final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;

    public Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** 32 hex digits: a task id. */
    public String taskId() {
        return hex(32);
    }

    /** 32 hex digits: a container instance id. */
    public String containerInstanceId() {
        return hex(32);
    }

    /** A version-4-shaped UUID: {@code xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx}. */
    public String uuid() {
        char[] c = hex(32).toCharArray();
        c[12] = '4';
        c[16] = HEX[8 + random.nextInt(4)];
        String s = new String(c);
        return s.substring(0, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12, 16) + "-" + s.substring(16, 20)
                + "-" + s.substring(20);
    }

    /** {@code ecs-svc/} and 19 decimal digits: a deployment or task set id. */
    public String deploymentId() {
        StringBuilder sb = new StringBuilder("ecs-svc/");
        sb.append(1 + random.nextInt(9));
        for (int i = 1; i < 19; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private String hex(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = HEX[random.nextInt(16)];
        }
        return new String(c);
    }
}
