package io.github.berth.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.berth.core.Nullable;
import java.io.IOException;

/**
 * Doubles as the AWS JSON protocol carries them: a JSON number, or one of the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} for the values a number cannot write. A number beyond the
 * range of a double ({@code 1e400}, also as a string) is refused rather than read as infinity, so a
 * typo cannot turn into a value the sender never meant.
 */
final class FiniteDoubles {

    private FiniteDoubles() {}

    static SimpleModule module() {
        SimpleModule m = new SimpleModule("berth-finite-doubles");
        m.addDeserializer(Double.class, new Deserializer(Double.class));
        m.addDeserializer(Double.TYPE, new Deserializer(Double.TYPE));
        return m;
    }

    private static final class Deserializer extends JsonDeserializer<Double> {

        private final JsonDeserializer<?> standard;

        Deserializer(Class<?> type) {
            this.standard = NumberDeserializers.find(type, type.getName());
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = (Double) standard.deserialize(p, ctxt);
            if (value != null && value.isInfinite() && !namesInfinity(p)) {
                throw new InputCoercionException(
                        p,
                        "Numeric value (" + p.getText() + ") out of range of double",
                        p.currentToken(),
                        Double.class);
            }
            return value;
        }

        @Override
        public @Nullable Double getNullValue(DeserializationContext ctxt)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            return null;
        }

        /** Whether the text is one of the protocol's names for an infinite value, not a number too large. */
        private static boolean namesInfinity(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return false;
            }
            String s = p.getText().trim();
            return s.equals("Infinity") || s.equals("-Infinity");
        }
    }
}
