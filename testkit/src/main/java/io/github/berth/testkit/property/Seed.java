package io.github.berth.testkit.property;

import io.github.berth.core.Nullable;

/**
 * The seed of one property run and where it came from: the test's own {@code .seed(...)}, the
 * build-wide system property or environment variable, or a fresh random one (which is printed).
 */
record Seed(long value, boolean random, String caller) {

    static Seed choose(@Nullable Long explicit) {
        return choose(explicit, System.getProperty(Property.SEED_PROPERTY), System.getenv(Property.SEED_ENVIRONMENT));
    }

    /** The seed from, in this order: the test's own, the system property, the environment variable, chance. */
    static Seed choose(@Nullable Long explicit, @Nullable String property, @Nullable String environment) {
        String caller = findCaller();
        if (explicit != null) {
            return new Seed(explicit, false, caller);
        }
        if (property != null && !property.isBlank()) {
            return new Seed(parse(property, "system property " + Property.SEED_PROPERTY), false, caller);
        }
        if (environment != null && !environment.isBlank()) {
            return new Seed(parse(environment, "environment variable " + Property.SEED_ENVIRONMENT), false, caller);
        }
        return new Seed(Session.SEED, true, caller);
    }

    /**
     * The random seed of this JVM, chosen once and printed once, so a whole build replays with one
     * {@code -Dberth.seed} and the log is not flooded with one line per property.
     */
    private static final class Session {
        // Only the choice of a seed is left to chance; everything after it follows from the seed.
        static final long SEED = SplitMix64.derive(System.nanoTime(), System.currentTimeMillis());

        static {
            System.out.println(
                    "[berth] properties without a seed use the random seed " + SEED + " in this run; replay with -D"
                            + Property.SEED_PROPERTY + "=" + SEED + " or " + Property.SEED_ENVIRONMENT + "=" + SEED);
        }
    }

    private static long parse(String text, String source) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "the " + source + " must be a whole number (a long), got '" + text + "'");
        }
    }

    /** The test that runs the property: {@code MyTest.myProperty}. */
    private static String findCaller() {
        String pkg = Seed.class.getPackageName() + ".";
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> !f.getClassName().startsWith(pkg)
                                || f.getClassName().endsWith("Test"))
                        .findFirst()
                        .map(f -> {
                            String cls = f.getClassName();
                            String method = f.getMethodName();
                            if (method.startsWith("lambda$")) { // lambda$myTest$3: the test method around the lambda
                                int end = method.lastIndexOf('$');
                                method = method.substring(
                                        "lambda$".length(), end > "lambda$".length() ? end : method.length());
                            }
                            return cls.substring(cls.lastIndexOf('.') + 1) + "." + method;
                        })
                        .orElse("(unknown)"));
    }
}
