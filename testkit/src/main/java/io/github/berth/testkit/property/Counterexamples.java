package io.github.berth.testkit.property;

import io.github.berth.core.json.EcsJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** How a failure reads: counterexamples as JSON (the wire JSON for ECS values), and the replay hint. */
final class Counterexamples {

    private Counterexamples() {}

    static List<Object> arguments(Object value, int arity) {
        List<Object> out = new ArrayList<>(arity);
        if (arity == 2 && value instanceof Tuple2<?, ?> t) {
            out.add(t.first());
            out.add(t.second());
        } else if (arity == 3 && value instanceof Tuple3<?, ?, ?> t) {
            out.add(t.first());
            out.add(t.second());
            out.add(t.third());
        } else {
            out.add(value);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    static String message(
            Seed seed,
            int triesRun,
            int tries,
            List<Object> original,
            List<Object> shrunk,
            int steps,
            Throwable failure) {
        StringBuilder sb = new StringBuilder();
        sb.append("Property ")
                .append(seed.caller())
                .append(" failed on try ")
                .append(triesRun)
                .append(" of ")
                .append(tries)
                .append(", seed ")
                .append(seed.value())
                .append(seed.random() ? " (chosen at random for this run)" : "")
                .append(".\n");
        sb.append("Shrunk counterexample (")
                .append(steps)
                .append(steps == 1 ? " shrink" : " shrinks")
                .append("):\n");
        appendArguments(sb, shrunk);
        sb.append("Failure: ").append(failure).append('\n');
        sb.append("Original counterexample:\n");
        appendArguments(sb, original);
        sb.append("Replay: add .seed(")
                .append(seed.value())
                .append("L) to the property, or run with -D")
                .append(Property.SEED_PROPERTY)
                .append('=')
                .append(seed.value())
                .append(" or ")
                .append(Property.SEED_ENVIRONMENT)
                .append('=')
                .append(seed.value())
                .append('.');
        return sb.toString();
    }

    private static void appendArguments(StringBuilder sb, List<Object> args) {
        for (int i = 0; i < args.size(); i++) {
            String text = describe(args.get(i));
            if (args.size() > 1) {
                sb.append("  argument ").append(i + 1).append(": ");
            } else {
                sb.append("  ");
            }
            sb.append(text.replace("\n", "\n  ")).append('\n');
        }
    }

    /** Wire JSON for values JSON can show faithfully (ECS values, records, collections, arrays, scalars). */
    static String describe(Object value) {
        if (value == null
                || value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Collection
                || value instanceof Map
                || value instanceof Record
                || isBerth(value)
                || value.getClass().isArray()) {
            try {
                return EcsJson.strict().writePretty(value);
            } catch (RuntimeException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static boolean isBerth(Object value) {
        return value.getClass().getName().startsWith("io.github.berth.");
    }
}
