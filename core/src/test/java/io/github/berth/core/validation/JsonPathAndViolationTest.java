package io.github.berth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.autoscaling.ValidationException;
import org.junit.jupiter.api.Test;

class JsonPathAndViolationTest {

  @Test
  void parseReadsWhatToStringWrites() {
    JsonPath p = JsonPath.root().child("containerDefinitions").index(1).child("dockerLabels").child("a.b]c")
        .child("portMappings").index(0);
    assertThat(p.toString()).isEqualTo("containerDefinitions[1].dockerLabels[\"a.b]c\"].portMappings[0]");
    assertThat(JsonPath.parse(p.toString())).isEqualTo(p);
    assertThat(JsonPath.parse("")).isEqualTo(JsonPath.root());
    assertThat(JsonPath.parse("[0]")).isEqualTo(JsonPath.root().index(0));
  }

  @Test
  void parseRefusesWhatIsNoPathWithIllegalArgumentException() {
    // These threw NumberFormatException and StringIndexOutOfBoundsException from inside.
    assertThatThrownBy(() -> JsonPath.parse("a[x].b")).isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(NumberFormatException.class)
        .hasMessage("not a JSON path: expected an index or a quoted name between '[' and ']' at index 1, found 'x' in 'a[x].b'");
    assertThatThrownBy(() -> JsonPath.parse("a[99999999999]")).isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(NumberFormatException.class).hasMessageContaining("found '99999999999'");
    assertThatThrownBy(() -> JsonPath.parse("a[-1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonPath.parse("a[")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a JSON path: '[' at index 1 is not closed in 'a['");
    assertThatThrownBy(() -> JsonPath.parse("a[\"b]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aViolationCarriesAnErrorCodeItCanThrow() {
    assertThat(new Violation("family", ClientException.ERROR_CODE, "m").toException()).isInstanceOf(ClientException.class);
    assertThat(new Violation("", ValidationException.ERROR_CODE, "m").toException()).isInstanceOf(ValidationException.class);
    // An unknown code failed only later, in toException (IllegalStateException); null members in
    // toString and toException (NullPointerException).
    assertThatThrownBy(() -> new Violation("p", "NoSuchCode", "m")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found 'NoSuchCode'");
    assertThatThrownBy(() -> new Violation(null, ClientException.ERROR_CODE, "m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Violation("p", null, "m")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Violation("p", ClientException.ERROR_CODE, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
