package io.github.berth.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.error.SerializationException.Problem;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.TaskDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input reaches the caller as a SerializationException in plain words, with path and place. */
class EcsJsonBadInputTest {

    private static List<Problem> problems(String json) {
        SerializationException e = catchThrowableOfType(
                SerializationException.class, () -> EcsJson.strict().readTaskDefinitionFile(json));
        assertThat(e).as("no SerializationException for %s", json).isNotNull();
        return e.problems();
    }

    private static Problem problem(String json) {
        List<Problem> problems = problems(json);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"family\":\"x\",}|not valid JSON: expected a member name in double quotes, found '}' (a comma before it?)",
                "{'family':'x'}|not valid JSON: expected a member name in double quotes, found '''",
                "{\"family\" \"x\"}|not valid JSON: expected ':' after the member name, found '\"'",
                "{\"family\":\"x\" \"cpu\":\"1\"}|not valid JSON: expected ',' or '}' after a member, found '\"'",
                "{\"tags\":[{} {}]}|not valid JSON: expected ',' or ']' after an element, found '{'",
                "{\"cpu\":NaN}|not valid JSON: 'NaN' is not a JSON value",
                "{\"family\": tru}|not valid JSON: unexpected text 'tru' (strings need double quotes; the literals are true, false and null)",
                "{\"family\":\"x\"]|not valid JSON: unexpected ']', expected '}'",
                "{\"family\":\"a\u0001\"}|not valid JSON: a control character (code 1) in a string must be escaped with a backslash",
                "{\"family\":\"\\x\"}|not valid JSON: invalid escape sequence in a string: 'x' (code 120)",
                "{\"cpu\": 01}|not valid JSON: a number must not start with 0",
                "{\"family\":\"x\",\"family\":\"y\"}|not valid JSON: member 'family' appears more than once",
                "{\"family\":\"x\"|not valid JSON: the document ends before it is complete",
                "\"task\"|expected an object (a task definition), found a string",
                "null|expected an object (a task definition), found null",
                "true|expected an object (a task definition), found true"
            })
    void syntaxErrorsInPlainWords(String json, String reason) {
        assertThat(problem(json).reason()).isEqualTo(reason);
    }

    @Test
    void commentsAndEmptyDocumentsAreNoJson() {
        assertThat(problem("{\"family\":\"x\" // note\n}").reason())
                .isEqualTo("not valid JSON: comments are not allowed in JSON");
        assertThat(problem("   ").reason()).isEqualTo("the document is empty");
    }

    @Test
    void aSyntaxErrorNamesTheMemberAndThePlace() {
        Problem p = problem("{\n  \"family\": \"x\",\n  \"cpu\": 01\n}");
        assertThat(p.path()).isEqualTo("cpu");
        assertThat(p.line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"cpu\": true}|cpu|expected a string, found true",
                "{\"cpu\": {}}|cpu|expected a string, found an object",
                "{\"cpu\": [256]}|cpu|expected a string, found an array",
                "{\"requiresCompatibilities\": \"FARGATE\"}|requiresCompatibilities|expected an array, found a string",
                "{\"containerDefinitions\": {}}|containerDefinitions|expected an array, found an object",
                "{\"containerDefinitions\": [{\"essential\": {}}]}|containerDefinitions[0].essential|expected true or false, found an object",
                "{\"containerDefinitions\": [{\"memory\": 1.5}]}|containerDefinitions[0].memory|expected an integer (32-bit), found 1.5",
                "{\"containerDefinitions\": [{\"memory\": \"lots\"}]}|containerDefinitions[0].memory|expected an integer (32-bit), found 'lots'",
                "{\"containerDefinitions\": [{\"links\": 5}]}|containerDefinitions[0].links|expected an array, found a number",
                "{\"containerDefinitions\": [{\"memory\": 99999999999}]}|containerDefinitions[0].memory|number out of range of an integer (32-bit)"
            })
    void wrongTypesNameWhatWasExpectedAndFound(String json, String path, String reason) {
        Problem p = problem(json);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.reason()).isEqualTo(reason);
        assertThat(p.line()).isEqualTo(1);
    }

    @Test
    void unknownMembersMetBeforeAWrongValueAreReportedWithIt() {
        assertThat(problems("{\"famly\": \"x\", \"containerDefinitions\": [{\"nmae\": \"a\"}], \"cpu\": true}"))
                .extracting(Problem::path, Problem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("famly", "unknown member 'famly'"),
                        org.assertj.core.groups.Tuple.tuple("containerDefinitions[0].nmae", "unknown member 'nmae'"),
                        org.assertj.core.groups.Tuple.tuple("cpu", "expected a string, found true"));
    }

    @Test
    void everyUnknownMemberIsReportedOnce() {
        assertThat(problems("{\"family\": \"x\", \"a\": 1, \"containerDefinitions\": [{\"b\": {\"c\": [1]}}]}"))
                .extracting(Problem::path)
                .containsExactly("a", "containerDefinitions[0].b");
    }

    @Test
    void hugeNumbersAndDeepNestingHitReadingLimitsNotTheStack() {
        assertThat(problem("{\"cpu\": " + "1".repeat(1000) + "}").reason())
                .isEqualTo("a number is too long (more than 400 digits)");
        Problem deep = problem("{\"family\": " + "[".repeat(50_000));
        assertThat(deep.reason()).isEqualTo("the document is nested too deeply (more than 200 levels)");
        assertThat(deep.path()).isEmpty();
    }

    @Test
    void exponentsThatWouldTakeForeverAreRefusedAtOnce() {
        Problem p = problem("{\"taskDefinition\": {\"family\": \"x\", \"registeredAt\": 1e1000000000}}");
        assertThat(p.path()).isEqualTo("taskDefinition.registeredAt");
        assertThat(p.reason()).startsWith("not a timestamp");
    }

    @Test
    void timestampsCloserToTheEpochThanANanosecondReadAsTheEpochWithoutDividingByTheirExponent() {
        // 1e-30000000 once took about 20 s and tens of GB (rounding divided by 10^30000000).
        for (String tiny : new String[] {"1e-30000000", "-1e-30000000", "1e-1000000000", "-0.4e-9", "0e-999999999"}) {
            TaskDefinition td = EcsJson.strict().read("{\"registeredAt\": " + tiny + "}", TaskDefinition.class);
            assertThat(td.registeredAt()).as(tiny).isEqualTo(java.time.Instant.EPOCH);
        }
        // Just above the cut, the nanoseconds still count.
        assertThat(EcsJson.strict()
                        .read("{\"registeredAt\": 6e-10}", TaskDefinition.class)
                        .registeredAt())
                .isEqualTo(java.time.Instant.ofEpochSecond(0, 1));
        assertThat(EcsJson.strict()
                        .read("{\"registeredAt\": -1.5e-9}", TaskDefinition.class)
                        .registeredAt())
                .isEqualTo(java.time.Instant.ofEpochSecond(-1, 999_999_998));
    }

    @Test
    void aNumberForAStringMemberIsItsTextWhenReadLeniently() {
        // the AWS CLI refuses "cpu": 1024 (strict reading does too); the lenient reader takes its text
        RegisterTaskDefinitionRequest r =
                EcsJson.lenient().read("{\"cpu\": 1024, \"memory\": 2048}", RegisterTaskDefinitionRequest.class);
        assertThat(r.cpu()).isEqualTo("1024");
        assertThat(r.memory()).isEqualTo("2048");
    }
    // ----- numbers beyond their type, values too long to quote, documents of 10 MB

    private static Problem problemReading(String json, Class<?> type) {
        SerializationException e = catchThrowableOfType(
                SerializationException.class, () -> EcsJson.strict().read(json, type));
        assertThat(e).as("no SerializationException for %s", json).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void aDoubleBeyondItsRangeIsRefusedNotReadAsInfinity() {
        for (String huge : new String[] {"1e400", "-1e400", "1e9999999"}) {
            Problem p = problemReading(
                    "{\"registeredResources\": [{\"name\": \"CPU\", \"doubleValue\": " + huge + "}]}",
                    ContainerInstance.class);
            assertThat(p.path()).isEqualTo("registeredResources[0].doubleValue");
            assertThat(p.reason()).isEqualTo("number out of range of a floating-point number (64-bit)");
            assertThat(p.line()).isEqualTo(1);
        }
        // a number in a string is refused as a string by strict reading, and out of range by the lenient one
        SerializationException e = catchThrowableOfType(
                SerializationException.class,
                () -> EcsJson.lenient()
                        .read(
                                "{\"registeredResources\": [{\"name\": \"CPU\", \"doubleValue\": \"1e400\"}]}",
                                ContainerInstance.class));
        assertThat(e.problems().get(0).reason()).isEqualTo("number out of range of a floating-point number (64-bit)");
    }

    @Test
    void theProtocolsNamesForValuesNoNumberWritesAreKept() {
        // AWS JSON protocols carry NaN and the infinities of a double as these strings.
        for (String name : new String[] {"NaN", "Infinity", "-Infinity"}) {
            String json = "{\"registeredResources\":[{\"name\":\"CPU\",\"doubleValue\":\"" + name + "\"}]}";
            ContainerInstance ci = EcsJson.strict().read(json, ContainerInstance.class);
            assertThat(ci.registeredResources().get(0).doubleValue()).isEqualTo(Double.valueOf(name));
            assertThat(EcsJson.strict().write(ci)).isEqualTo(json);
        }
        ContainerInstance big =
                EcsJson.strict().read("{\"registeredResources\":[{\"doubleValue\":1.7e308}]}", ContainerInstance.class);
        assertThat(big.registeredResources().get(0).doubleValue()).isEqualTo(1.7e308);
    }

    @Test
    void timestampsWithHugeExponentsOrLongTextAreRefusedAtOnce() {
        for (String v : new String[] {"\"1e100000\"", "1e100000", "\"1e9999999\"", "\"" + "1".repeat(100_000) + "\""}) {
            Problem p = problemReading("{\"registeredAt\": " + v + "}", TaskDefinition.class);
            assertThat(p.path()).isEqualTo("registeredAt");
            assertThat(p.reason())
                    .startsWith("not a timestamp: expected epoch seconds or an ISO-8601 date-time, found '");
            assertThat(p.reason().length()).isLessThan(200);
        }
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        Problem p = problemReading("{\"essential\": \"" + "t".repeat(1_000_000) + "\"}", ContainerDefinition.class);
        assertThat(p.path()).isEqualTo("essential");
        assertThat(p.reason()).isEqualTo("expected true or false, found '" + "t".repeat(61) + "...'");
    }

    @Test
    void tenMegabyteDocumentsGetAnAnswerNotAHang() {
        StringBuilder env = new StringBuilder();
        while (env.length() < 10_000_000) {
            env.append(env.length() == 0 ? "" : ",")
                    .append("{\"name\": \"VARIABLE\", \"value\": \"")
                    .append("v".repeat(100))
                    .append("\"}");
        }
        String big = "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", "
                + "\"memory\": 128, \"environment\": [" + env + "]}]}";
        Problem tooLarge = problem(big);
        assertThat(tooLarge.reason()).isEqualTo("the document is too large (more than 1 MiB)");
        assertThat(tooLarge.path()).startsWith("containerDefinitions[0].environment[");

        assertThat(problem("{\"family\": " + "[".repeat(10_000_000)).reason())
                .isEqualTo("the document is nested too deeply (more than 200 levels)");
        assertThat(problem("x".repeat(10_000_000)).reason()).startsWith("not valid JSON: unexpected text 'xxxx");
        assertThat(problem("x".repeat(10_000_000)).reason().length()).isLessThan(1_000);
        Problem truncated = problem(big.substring(0, 500_000));
        assertThat(truncated.reason()).isEqualTo("not valid JSON: the document ends before it is complete");
        assertThat(truncated.path()).startsWith("containerDefinitions[0].environment[");
        assertThat(problem("{\"family\": \"" + "f".repeat(1_000_000) + "\", \"cpu\": true}")
                        .reason())
                .isEqualTo("expected a string, found true");
    }

    @Test
    void nullIsAProgrammingErrorNotADocument() {
        assertThatThrownBy(() -> EcsJson.strict().read((String) null, TaskDefinition.class))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("json");
        assertThatThrownBy(() -> EcsJson.strict().readTaskDefinitionFile(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("json");
    }

    @Test
    void aRequestOfTooManyValuesIsRefusedWhereTheLimitIsReached() {
        StringBuilder many = new StringBuilder("{\"family\": \"x\", \"containerDefinitions\": [");
        for (int i = 0; i < 60_000; i++) {
            many.append(i == 0 ? "{}" : ",{}");
        }
        SerializationException e = catchThrowableOfType(
                SerializationException.class,
                () -> EcsJson.lenient().read(many.append("]}").toString(), RegisterTaskDefinitionRequest.class));
        assertThat(e).isNotNull();
        Problem p = e.problems().get(0);
        assertThat(p.path()).isEqualTo("containerDefinitions[49997]");
        assertThat(p.reason()).isEqualTo("the document has too many values (more than 100000 JSON tokens)");
    }

    @Test
    void aRequestUnderTheTokenLimitIsRead() {
        // 10,000 environment variables: about 60,000 tokens, more than a 64 KiB task definition can hold.
        StringBuilder env = new StringBuilder(
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"environment\": [");
        for (int i = 0; i < 10_000; i++) {
            env.append(i == 0 ? "" : ",").append("{\"name\": \"V").append(i).append("\", \"value\": \"1\"}");
        }
        RegisterTaskDefinitionRequest r =
                EcsJson.lenient().read(env.append("]}]}").toString(), RegisterTaskDefinitionRequest.class);
        assertThat(r.containerDefinitions().get(0).environment()).hasSize(10_000);
    }

    @Test
    void theTokenLimitIsOnlyForRequests() {
        StringBuilder many = new StringBuilder("{\"containerInstances\": [");
        for (int i = 0; i < 60_000; i++) {
            many.append(i == 0 ? "{}" : ",{}");
        }
        io.github.berth.core.api.DescribeContainerInstancesResponse r = EcsJson.lenient()
                .read(many.append("]}").toString(), io.github.berth.core.api.DescribeContainerInstancesResponse.class);
        assertThat(r.containerInstances()).hasSize(60_000);
    }
}
