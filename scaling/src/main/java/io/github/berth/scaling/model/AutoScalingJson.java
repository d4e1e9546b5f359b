package io.github.berth.scaling.model;

import io.github.berth.core.json.EcsJson;
import io.github.berth.scaling.error.SerializationException;

/**
 * The wire JSON of Application Auto Scaling. A thin facade over {@link EcsJson}, which reads and
 * writes every Berth value type: the same strict reader (an unknown member is an error naming its
 * JSON path), the same lenient reader, the same epoch-second timestamps. It exists so that code
 * working only with Application Auto Scaling types reads naturally, and so that a reading error is
 * this service's: {@link SerializationException} of {@code io.github.berth.scaling.error}, whose
 * wire message member is {@code Message}, not ECS's {@code message}.
 */
public final class AutoScalingJson {

    private static final AutoScalingJson STRICT = new AutoScalingJson(EcsJson.strict());
    private static final AutoScalingJson LENIENT = new AutoScalingJson(EcsJson.lenient());
    private static final AutoScalingJson WIRE = new AutoScalingJson(EcsJson.wire());

    private final EcsJson json;

    private AutoScalingJson(EcsJson json) {
        this.json = json;
    }

    /** Reads refusing unknown members, as the AWS CLI does with {@code --cli-input-json}. */
    public static AutoScalingJson strict() {
        return STRICT;
    }

    /** Reads ignoring unknown members, as AWS clients do with responses. */
    public static AutoScalingJson lenient() {
        return LENIENT;
    }

    /** Reads a request as the service does: unknown members ignored, wrong JSON types refused. */
    public static AutoScalingJson wire() {
        return WIRE;
    }

    /**
     * Reads a value of {@code type} from JSON text.
     *
     * @throws SerializationException (Application Auto Scaling's) naming the path, line and column
     *     of every problem ({@code MinCapacity: number out of range of an integer (32-bit) (line 1,
     *     column 17)}); nothing else escapes for any text
     * @throws NullPointerException if {@code text} is null
     */
    public <T> T read(String text, Class<T> type) {
        try {
            return json.read(text, type);
        } catch (io.github.berth.core.error.SerializationException e) {
            throw new SerializationException(e.problems());
        }
    }

    /**
     * Reads a value of {@code type} from JSON bytes (UTF-8), as a request body arrives.
     *
     * @throws SerializationException (Application Auto Scaling's) naming the path, line and column
     *     of every problem
     */
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return this.json.read(json, type);
        } catch (io.github.berth.core.error.SerializationException e) {
            throw new SerializationException(e.problems());
        }
    }

    /**
     * Writes a value as compact JSON.
     *
     * @throws java.io.UncheckedIOException if {@code value} is of a type Jackson cannot write
     */
    public String write(Object value) {
        return json.write(value);
    }

    /**
     * Writes a value as indented JSON, for people.
     *
     * @throws java.io.UncheckedIOException if {@code value} is of a type Jackson cannot write
     */
    public String writePretty(Object value) {
        return json.writePretty(value);
    }
}
