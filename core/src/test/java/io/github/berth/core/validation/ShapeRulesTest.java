package io.github.berth.core.validation;

import static io.github.berth.core.validation.internal.ShapeRules.OPTIONAL;
import static io.github.berth.core.validation.internal.ShapeRules.REQUIRED;
import static io.github.berth.core.validation.internal.ShapeRules.enumValue;
import static io.github.berth.core.validation.internal.ShapeRules.field;
import static io.github.berth.core.validation.internal.ShapeRules.list;
import static io.github.berth.core.validation.internal.ShapeRules.map;
import static io.github.berth.core.validation.internal.ShapeRules.none;
import static io.github.berth.core.validation.internal.ShapeRules.number;
import static io.github.berth.core.validation.internal.ShapeRules.shape;
import static io.github.berth.core.validation.internal.ShapeRules.string;
import static io.github.berth.core.validation.internal.ShapeRules.structure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DockerVolumeConfiguration;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.core.model.Volume;
import io.github.berth.core.validation.internal.ShapeRules;
import io.github.berth.core.validation.internal.Violations;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one walker over the generated per-shape tables, on hand-made tables. */
class ShapeRulesTest {

    static List<String> messages(ShapeRules rules, Object value) {
        Violations out = Violations.forEcs();
        rules.check(value, JsonPath.root(), out);
        return out.toList().stream().map(v -> v.path() + ": " + v.message()).toList();
    }

    static final ShapeRules TAGS = new ShapeRules(List.of(shape(
            Tag.class,
            field("key", "key", Tag::key, REQUIRED, string(1, 4, "^[a-z]+$")),
            field("value", "value", Tag::value, OPTIONAL, none()))));

    @Test
    void aMissingRequiredMemberIsReportedAtItsPath() {
        assertThat(messages(TAGS, Tag.builder().value("v").build()))
                .containsExactly("key: Value null at 'key' failed to satisfy constraint: Member must not be null");
        assertThat(messages(TAGS, Tag.builder().key("ab").build())).isEmpty();
    }

    @Test
    void stringsAreCheckedForLengthsThenPatternAndAMemberIsToldOnce() {
        assertThat(messages(TAGS, Tag.builder().key("").build()))
                .containsExactly(
                        "key: Value '' at 'key' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(messages(TAGS, Tag.builder().key("ABCDE").build()))
                .containsExactly(
                        "key: Value 'ABCDE' at 'key' failed to satisfy constraint: Member must have length less than or equal to 4");
        assertThat(messages(TAGS, Tag.builder().key("AB").build()))
                .containsExactly(
                        "key: Value 'AB' at 'key' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$");
        assertThat(messages(TAGS, Tag.builder().key("abcd").build())).isEmpty();
    }

    static final ShapeRules PORTS = new ShapeRules(List.of(shape(
            PortMapping.class,
            field("containerPort", "containerPort", PortMapping::containerPort, OPTIONAL, number(1, 65535)),
            field("hostPort", "hostPort", PortMapping::hostPort, OPTIONAL, number(null, 10)),
            field(
                    "protocol",
                    "protocol",
                    PortMapping::protocol,
                    OPTIONAL,
                    enumValue(TransportProtocol::knownValues)))));

    @Test
    void numbersAreCheckedAgainstTheirRange() {
        assertThat(messages(
                        PORTS,
                        PortMapping.builder().containerPort(0).hostPort(11).build()))
                .containsExactly(
                        "containerPort: Value '0' at 'containerPort' failed to satisfy constraint: Member must have value greater than or equal to 1",
                        "hostPort: Value '11' at 'hostPort' failed to satisfy constraint: Member must have value less than or equal to 10");
        assertThat(messages(
                        PORTS,
                        PortMapping.builder().containerPort(65535).hostPort(-5).build()))
                .isEmpty();
    }

    @Test
    void anEnumValueUnknownToTheModelIsReportedWithTheKnownSet() {
        assertThat(messages(
                        PORTS,
                        PortMapping.builder()
                                .protocol(TransportProtocol.fromValue("sctp"))
                                .build()))
                .containsExactly("protocol: Value 'sctp' at 'protocol' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [tcp, udp]");
        assertThat(messages(
                        PORTS,
                        PortMapping.builder().protocol(TransportProtocol.UDP).build()))
                .isEmpty();
    }

    @Test
    void doublesCompareAsJavaDoesSoNanBreaksNoBound() {
        ShapeRules rules = new ShapeRules(List.of(shape(
                Tag.class,
                field(
                        "key",
                        "key",
                        t -> t.key() == null ? null : Double.valueOf(t.key()),
                        OPTIONAL,
                        number(0.0, 1.0)))));
        assertThat(messages(rules, Tag.builder().key("NaN").build())).isEmpty();
        assertThat(messages(rules, Tag.builder().key("1.5").build()))
                .containsExactly(
                        "key: Value '1.5' at 'key' failed to satisfy constraint: Member must have value less than or equal to 1.0");
        assertThat(messages(rules, Tag.builder().key("1.0").build())).isEmpty();
    }

    static final ShapeRules CONTAINERS = new ShapeRules(List.of(
            shape(
                    ContainerDefinition.class,
                    field(
                            "portMappings",
                            "portMappings",
                            ContainerDefinition::portMappings,
                            OPTIONAL,
                            list(null, 2, structure(PortMapping.class))),
                    field(
                            "links",
                            "links",
                            ContainerDefinition::links,
                            OPTIONAL,
                            list(1, null, string(null, null, "^[a-z]+$"))),
                    field(
                            "dockerLabels",
                            "dockerLabels",
                            ContainerDefinition::dockerLabels,
                            OPTIONAL,
                            map(string(null, 3, null)))),
            shape(
                    PortMapping.class,
                    field("containerPort", "containerPort", PortMapping::containerPort, REQUIRED, none()))));

    @Test
    void listsAreCheckedForSizeThenEachElementAtItsIndex() {
        ContainerDefinition c = ContainerDefinition.builder()
                .portMappings(List.of(
                        PortMapping.builder().containerPort(80).build(),
                        PortMapping.builder().build(),
                        PortMapping.builder().build()))
                .links(List.of("ok", "NOT"))
                .build();
        assertThat(messages(CONTAINERS, c))
                .containsExactly(
                        "portMappings: Value of size 3 at 'portMappings' failed to satisfy constraint: Member must have length less than or equal to 2",
                        "portMappings[1].containerPort: Value null at 'portMappings[1].containerPort' failed to satisfy constraint: Member must not be null",
                        "portMappings[2].containerPort: Value null at 'portMappings[2].containerPort' failed to satisfy constraint: Member must not be null",
                        "links[1]: Value 'NOT' at 'links[1]' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$");
        assertThat(messages(
                        CONTAINERS,
                        ContainerDefinition.builder().links(List.of()).build()))
                .containsExactly(
                        "links: Value of size 0 at 'links' failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(messages(
                        CONTAINERS,
                        ContainerDefinition.builder().links(List.of("a")).build()))
                .isEmpty();
    }

    @Test
    void nullElementsOfAListAreSkipped() {
        ShapeRules rules = new ShapeRules(List.of(shape(
                ContainerDefinition.class,
                field(
                        "links",
                        "links",
                        c -> Arrays.asList("A", null),
                        OPTIONAL,
                        list(null, null, string(null, null, "^[a-z]+$"))))));
        assertThat(messages(rules, ContainerDefinition.builder().build()))
                .containsExactly(
                        "links[0]: Value 'A' at 'links[0]' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$");
    }

    @Test
    void mapValuesAreCheckedAtTheirKey() {
        assertThat(messages(
                        CONTAINERS,
                        ContainerDefinition.builder()
                                .dockerLabels(Map.of("team", "toolong"))
                                .build()))
                .containsExactly(
                        "dockerLabels.team: Value 'toolong' at 'dockerLabels.team' failed to satisfy constraint: "
                                + "Member must have length less than or equal to 3");
        assertThat(messages(
                        CONTAINERS,
                        ContainerDefinition.builder()
                                .dockerLabels(Map.of("team", "abc"))
                                .build()))
                .isEmpty();
    }

    @Test
    void valuesOfATypeWithoutATableAndNullAreIgnored() {
        assertThat(messages(TAGS, Volume.builder().build())).isEmpty();
        assertThat(messages(TAGS, "a string")).isEmpty();
        assertThat(messages(TAGS, null)).isEmpty();
    }

    @Test
    void aStructureWithoutATableIsAnErrorOfTheTablesNotOfTheValue() {
        ShapeRules rules = new ShapeRules(List.of(shape(
                Volume.class,
                field(
                        "dockerVolumeConfiguration",
                        "dockerVolumeConfiguration",
                        Volume::dockerVolumeConfiguration,
                        OPTIONAL,
                        structure(DockerVolumeConfiguration.class)))));
        assertThatThrownBy(() -> messages(
                        rules,
                        Volume.builder()
                                .dockerVolumeConfiguration(
                                        DockerVolumeConfiguration.builder().build())
                                .build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no table for io.github.berth.core.model.DockerVolumeConfiguration");
    }

    @Test
    void twoTablesForOneTypeAreRefused() {
        assertThatThrownBy(() -> new ShapeRules(List.of(shape(Tag.class), shape(Tag.class))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two tables for io.github.berth.core.model.Tag");
    }

    @Test
    void aTableDescribesItsMembers() {
        ShapeRules.Shape<?> tag = TAGS.shapeOf(Tag.class);
        assertThat(tag.fields()).extracting(ShapeRules.Field::memberName).containsExactly("key", "value");
        assertThat(tag.fields().get(0)).hasToString("key (required): string [1..4] matching ^[a-z]+$");
        assertThat(CONTAINERS.shapeOf(ContainerDefinition.class).fields().get(0))
                .hasToString("portMappings: list [..2] of PortMapping");
        assertThat(TAGS.shapeOf(PortMapping.class)).isNull();
    }

    @Test
    void theGeneratedEcsTablesCoverTheTaskDefinitionRequest() {
        Violations out = Violations.forEcs();
        EcsShapeRules.check(
                io.github.berth.core.api.RegisterTaskDefinitionRequest.builder()
                        .containerDefinitions(
                                List.of(ContainerDefinition.builder().build()))
                        .build(),
                JsonPath.root(),
                out);
        assertThat(out.toList()).extracting(Violation::path).containsExactly("family");
    }
}
