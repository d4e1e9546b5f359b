package io.github.berth.testkit.fake;

/**
 * The fake's source of ids and random numbers: value number {@code k} is a hash of the seed and
 * {@code k} (SplitMix64's finaliser), so the whole source is two numbers that a snapshot keeps and
 * a restored fake continues from. Ids have ECS's forms: 32 hex digits for tasks and container
 * instances, a version-4-shaped UUID for containers and events, {@code ecs-svc/} and 19 digits
 * for deployments and task sets.
 */
final class FakeIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    final long seed;
    long counter;

    FakeIds(long seed) {
        this.seed = seed;
    }

    long nextLong() {
        long z = seed + (++counter) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A double in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** An int in [0, bound). */
    int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    String taskId() {
        return hex32();
    }

    String containerInstanceId() {
        return hex32();
    }

    String uuid() {
        char[] c = hex32Chars();
        c[12] = '4';
        c[16] = HEX[8 + (int) (Math.floorMod(nextLong(), 4L))];
        // 8-4-4-4-12, written straight into one array.
        char[] out = new char[36];
        System.arraycopy(c, 0, out, 0, 8);
        out[8] = '-';
        System.arraycopy(c, 8, out, 9, 4);
        out[13] = '-';
        System.arraycopy(c, 12, out, 14, 4);
        out[18] = '-';
        System.arraycopy(c, 16, out, 19, 4);
        out[23] = '-';
        System.arraycopy(c, 20, out, 24, 12);
        return new String(out);
    }

    String deploymentId() {
        StringBuilder sb = new StringBuilder("ecs-svc/");
        long a = nextLong();
        long b = nextLong();
        sb.append(1 + Math.floorMod(a, 9L));
        String digits = Long.toString(Math.floorMod(b, 1_000_000_000_000_000_000L));
        sb.append("0".repeat(18 - digits.length())).append(digits);
        return sb.toString();
    }

    private String hex32() {
        return new String(hex32Chars());
    }

    private char[] hex32Chars() {
        long a = nextLong();
        long b = nextLong();
        char[] c = new char[32];
        for (int i = 0; i < 16; i++) {
            c[i] = HEX[(int) ((a >>> (60 - 4 * i)) & 0xF)];
            c[16 + i] = HEX[(int) ((b >>> (60 - 4 * i)) & 0xF)];
        }
        return c;
    }
}
