package io.github.berth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.validation.internal.Violations;
import org.junit.jupiter.api.Test;

class JsonPathAndViolationTest {

    @Test
    void parseReadsWhatToStringWrites() {
        JsonPath p = JsonPath.root()
                .child("containerDefinitions")
                .index(1)
                .child("dockerLabels")
                .child("a.b]c")
                .child("portMappings")
                .index(0);
        assertThat(p.toString()).isEqualTo("containerDefinitions[1].dockerLabels[\"a.b]c\"].portMappings[0]");
        assertThat(JsonPath.parse(p.toString())).isEqualTo(p);
        assertThat(JsonPath.parse("")).isEqualTo(JsonPath.root());
        assertThat(JsonPath.parse("[0]")).isEqualTo(JsonPath.root().index(0));
    }

    @Test
    void renamedChangesMemberNamesAndKeepsIndexes() {
        JsonPath p = JsonPath.parse("StepScalingPolicyConfiguration.StepAdjustments[2].ScalingAdjustment");
        assertThat(p.renamed(String::toUpperCase).toString())
                .isEqualTo("STEPSCALINGPOLICYCONFIGURATION.STEPADJUSTMENTS[2].SCALINGADJUSTMENT");
        assertThat(p.renamed(n -> n).toString()).isEqualTo(p.toString());
        assertThat(JsonPath.root().renamed(String::toUpperCase).isRoot()).isTrue();
    }

    @Test
    void modelMessagesNameMembersAsTheServiceWritesThem() {
        JsonPath at = JsonPath.root().child("ServiceNamespace");
        Violations asOnTheWire = new Violations("ValidationException");
        asOnTheWire.modelRequired(at);
        assertThat(asOnTheWire.toList().get(0).message())
                .isEqualTo("Value null at 'ServiceNamespace' failed to satisfy constraint: Member must not be null");
        Violations lowered = new Violations("ValidationException", n -> n.toLowerCase(java.util.Locale.ROOT));
        lowered.modelRequired(at);
        assertThat(lowered.toList().get(0).message())
                .isEqualTo("Value null at 'servicenamespace' failed to satisfy constraint: Member must not be null");
        // The violation's path stays the wire's: it is what a report points at in the document.
        assertThat(lowered.toList().get(0).path()).isEqualTo("ServiceNamespace");
    }

    @Test
    void parseRefusesWhatIsNoPathWithIllegalArgumentException() {
        // These threw NumberFormatException and StringIndexOutOfBoundsException from inside.
        assertThatThrownBy(() -> JsonPath.parse("a[x].b"))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(NumberFormatException.class)
                .hasMessage(
                        "not a JSON path: expected an index or a quoted name between '[' and ']' at index 1, found 'x' in 'a[x].b'");
        assertThatThrownBy(() -> JsonPath.parse("a[99999999999]"))
                .isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(NumberFormatException.class)
                .hasMessageContaining("found '99999999999'");
        assertThatThrownBy(() -> JsonPath.parse("a[-1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonPath.parse("a["))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON path: '[' at index 1 is not closed in 'a['");
        assertThatThrownBy(() -> JsonPath.parse("a[\"b]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aViolationCarriesAnAwsErrorCode() {
        assertThat(new Violation("family", "ClientException", "m").errorCode()).isEqualTo("ClientException");
        // Another service's code is data like any other: its own validator turns it into its exception.
        assertThat(new Violation("", "ValidationException", "m").toString())
                .isEqualTo("(document): ValidationException: m");
        assertThatThrownBy(() -> new Violation("p", "NoSuchCode", "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "a violation's error code is an AWS error code such as ClientException, found 'NoSuchCode'");
        assertThatThrownBy(() -> new Violation("p", "", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation(null, ClientException.ERROR_CODE, "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation("p", null, "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation("p", ClientException.ERROR_CODE, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEcsViolationBecomesTheEcsExceptionOfItsCodeAndNoOther() {
        assertThat(Violations.ecsException(new Violation("family", "ClientException", "m")))
                .isInstanceOf(ClientException.class)
                .hasMessage("m");
        assertThat(Violations.ecsException(new Violation("count", "InvalidParameterException", "n")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("n");
        assertThatThrownBy(() -> Violations.ecsException(new Violation("", "ValidationException", "m")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "'ValidationException' is not an error code of an ECS violation: (document): ValidationException: m");
    }

    @Test
    void theFirstEcsExceptionIsThatOfTheFirstViolationCollected() {
        Violations v = Violations.forEcs();
        assertThatThrownBy(v::firstEcsException)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no violation was collected");
        v.modelMin(JsonPath.root().child("count"), 0, 1);
        v.client(JsonPath.root().child("family"), "second");
        assertThat(v.firstEcsException())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }
}
