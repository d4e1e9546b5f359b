package io.github.berth.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as the AWS JSON 1.1 protocol carries them: a number of epoch seconds, with a fraction
 * for the sub-second part ({@code 1767225600.123}). Reading also takes what people hold in files:
 * integers, numeric strings and ISO-8601 strings (the AWS CLI v2 prints those).
 */
final class WireTimestamps {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private WireTimestamps() {}

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("berth-wire-timestamps");
        m.addSerializer(Instant.class, new Serializer());
        m.addDeserializer(Instant.class, new Deserializer());
        return m;
    }

    /** Epoch seconds with exactly the precision the instant has (at least milliseconds). */
    static BigDecimal toEpochSeconds(Instant t) {
        BigDecimal seconds = BigDecimal.valueOf(t.getEpochSecond());
        int nanos = t.getNano();
        if (nanos % 1_000_000 == 0) {
            return seconds.add(BigDecimal.valueOf(nanos / 1_000_000, 3));
        }
        return seconds.add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros();
    }

    /** More digits before the point than any Instant has (about 3.2e16 seconds): refused before any arithmetic. */
    private static final int MAX_WHOLE_DIGITS = 19;
    /** A timestamp string longer than this is no timestamp; refused before it is parsed as a number. */
    private static final int MAX_TEXT_LENGTH = 64;

    static Instant fromEpochSeconds(BigDecimal seconds) {
        if (seconds.signum() == 0) {
            return Instant.EPOCH;
        }
        // The cost of a number must follow the length of its text: its exponent is checked before any
        // arithmetic, as 1e100000 would build a 100,000-digit integer before failing, and rounding
        // 1e-30000000 to whole seconds divides by 10^30000000 (seconds and gigabytes for 12 bytes).
        long wholeDigits = (long) seconds.precision() - seconds.scale(); // |seconds| < 10^wholeDigits
        if (wholeDigits > MAX_WHOLE_DIGITS) {
            throw new ArithmeticException("beyond the range of a timestamp");
        }
        if (wholeDigits < -10) {
            // Less than a tenth of a nanosecond from the epoch on either side: rounds to the epoch.
            return Instant.EPOCH;
        }
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole)
                .multiply(NANOS_PER_SECOND)
                .setScale(0, java.math.RoundingMode.HALF_EVEN)
                .longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    private static final class Serializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(toEpochSeconds(value).toPlainString());
        }
    }

    private static final class Deserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            try {
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    return fromEpochSeconds(p.getDecimalValue());
                }
                if (t == JsonToken.VALUE_STRING) {
                    String s = p.getText().trim();
                    if (s.length() > MAX_TEXT_LENGTH) {
                        throw new DateTimeException("too long");
                    }
                    if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) && !s.contains("-") || s.charAt(0) == '.')) {
                        return fromEpochSeconds(new BigDecimal(s));
                    }
                    try {
                        return OffsetDateTime.parse(s).toInstant();
                    } catch (DateTimeParseException e) {
                        return Instant.parse(s);
                    }
                }
            } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
                return (Instant) ctxt.handleWeirdStringValue(
                        Instant.class, p.getText(), "not a timestamp: expected epoch seconds or an ISO-8601 date-time");
            }
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }
}
