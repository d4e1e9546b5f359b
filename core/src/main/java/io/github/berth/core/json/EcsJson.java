package io.github.berth.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.DescribeTaskDefinitionResponse;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.error.SerializationException.Problem;
import io.github.berth.core.model.OpenEnum;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.validation.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The wire JSON of ECS (and of Application Auto Scaling): reads and writes every Berth value type
 * exactly as the AWS JSON 1.1 protocol carries it. Absent members are omitted, an explicit
 * {@code null} reads as absent, timestamps are epoch seconds.
 *
 * <p>Three readers: {@link #strict()} refuses a member the shape does not have and names every such
 * member by its JSON path ({@code containerDefinitions[1].portMapings}), as the AWS CLI and SDKs
 * refuse unknown parameters, and refuses a value of the wrong JSON type; {@link #wire()} ignores
 * unknown members but refuses wrong types, as an AWS service reads a request; {@link #lenient()}
 * ignores unknown members and keeps Jackson's conversions between strings and numbers (as
 * CloudFormation converts template values), for output of AWS tools and templates. Every problem is
 * a {@link SerializationException} naming the path, line and column; nothing else escapes.
 *
 * <p>Reading costs time and memory in proportion to the text, whatever it holds: a request or a
 * task definition is read up to {@link #MAX_REQUEST_BYTES} (any other document up to
 * {@link #MAX_DOCUMENT_BYTES}), arrays and objects nest at most {@link #MAX_NESTING_DEPTH} levels,
 * numbers have at most {@link #MAX_NUMBER_LENGTH} characters and a timestamp's exponent is judged
 * before any arithmetic. Past a limit, reading stops with a {@code SerializationException} naming
 * the member being read.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class EcsJson {

    private static final String UNKNOWN_MEMBERS = "berth.unknownMembers";

    // Each reading is built on first use (a holder class per reading): `berth serve` needs only the
    // wire's, and building a mapper shows in its start-up time.
    private static final class Strict {
        static final EcsJson INSTANCE = new EcsJson(true, true);
    }

    private static final class Wire {
        static final EcsJson INSTANCE = new EcsJson(false, true);
    }

    private static final class Lenient {
        static final EcsJson INSTANCE = new EcsJson(false, false);
    }

    /**
     * [model] The longest document read as a request (what a client sends: every {@code *Request}
     * type and a task definition file): 1 MiB, sixteen times the 64 KiB ECS allows a task definition
     * ([doc] https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html), room for
     * any indentation. ECS publishes no request size; the limit keeps a few bytes from costing
     * gigabytes (a million containers) before validation can speak.
     */
    public static final long MAX_REQUEST_BYTES = 1L << 20;
    /**
     * [model] The longest document read as anything else (describe outputs: a cluster holds up to
     * 5,000 container instances, each a few KB of JSON).
     */
    public static final long MAX_DOCUMENT_BYTES = 50_000_000L;
    /**
     * [model] The most JSON tokens (names, values, brackets) a request holds: this bounds every list
     * and all of them together, so that a megabyte of {@code {},{},...} cannot make hundreds of
     * thousands of values. A task definition at ECS's 64 KiB limit holds fewer than 45,000 tokens
     * (two per three bytes at most; docs/fuzzing.md#reading-limits). The API models give maximum sizes for only a few lists
     * (tags: 50), which validation checks with ECS's messages.
     */
    public static final long MAX_REQUEST_TOKENS = 100_000;
    /** [model] Deepest nesting of arrays and objects; ECS's deepest shape nests about 10 levels. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** [model] Longest number, in characters; no ECS number needs more than 20. */
    public static final int MAX_NUMBER_LENGTH = 400;
    /** [model] Longest member name, in characters (names of the model are under 50; map keys, such as Docker labels, are free). */
    public static final int MAX_NAME_LENGTH = 8_192;

    private final boolean strict;
    private final ObjectMapper mapper;
    /** The mapper's factory with the limits of a request (see {@link #MAX_REQUEST_BYTES}). */
    private final JsonFactory requestFactory;

    private final ObjectWriter compact;
    private final ObjectWriter pretty;
    /** One reader per type, made once: {@code readerFor} per call showed in the TaskDefinition benchmark. */
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            ObjectReader r = mapper.readerFor(type);
            return isRequest(type) ? r.with(requestFactory) : r;
        }
    };

    private EcsJson(boolean strict, boolean strictTypes) {
        this.strict = strict;
        this.mapper = newMapper(strict, strictTypes);
        this.requestFactory = mapper.getFactory()
                .rebuild()
                .streamReadConstraints(constraints(MAX_REQUEST_BYTES, (int) MAX_REQUEST_BYTES)
                        .rebuild()
                        .maxTokenCount(MAX_REQUEST_TOKENS)
                        .build())
                .build();
        this.requestFactory.setCodec(mapper);
        this.compact = mapper.writer();
        this.pretty = mapper.writerWithDefaultPrettyPrinter();
    }

    /** Reads refusing unknown members (all of them are reported at once). */
    public static EcsJson strict() {
        return Strict.INSTANCE;
    }

    /**
     * Reads ignoring unknown members, as AWS clients do with responses, and converting numbers
     * written as strings and back (as CloudFormation converts template values).
     */
    public static EcsJson lenient() {
        return Lenient.INSTANCE;
    }

    /**
     * Reads a request as an AWS service does: unknown members are ignored [doc: Smithy AWS JSON 1.1,
     * "unknown members are ignored"], a value of the wrong JSON type ({@code "cpu": 256} where the
     * API has a string) is refused, as ECS refuses it with {@code SerializationException}.
     */
    public static EcsJson wire() {
        return Wire.INSTANCE;
    }

    public boolean isStrict() {
        return strict;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a value of {@code type} from JSON text.
     *
     * @throws SerializationException for anything that is not such JSON, or is beyond a reading limit;
     *     each of its {@link SerializationException#problems() problems} names the JSON path of the
     *     member ({@code containerDefinitions[0].cpu}, empty for the document), its line and column,
     *     and the reason. Nothing else escapes for any text: not Jackson's exceptions, not a
     *     {@code NumberFormatException}, {@code DateTimeException} or {@code StackOverflowError}.
     * @throws NullPointerException if {@code json} is null (a programming error, not a document)
     */
    public <T> T read(String json, Class<T> type) {
        return read(type, Objects.requireNonNull(json, "json"), null);
    }

    /**
     * Reads a value of {@code type} from UTF-8 JSON bytes.
     *
     * @throws SerializationException as {@link #read(String, Class)} does
     * @throws NullPointerException if {@code json} is null
     */
    public <T> T read(byte[] json, Class<T> type) {
        return read(type, null, Objects.requireNonNull(json, "json"));
    }

    /**
     * Reads a JSON document as a tree, refusing what is not JSON.
     *
     * @throws SerializationException naming the line and column where the text stops being JSON, or
     *     the reading limit it passes (size, nesting, number length)
     * @throws NullPointerException if {@code json} is null
     */
    public JsonNode readTree(String json) {
        return read(JsonNode.class, Objects.requireNonNull(json, "json"), null);
    }

    /**
     * Converts a JSON tree to a value of {@code type} (no line and column in errors).
     *
     * @throws SerializationException naming the JSON path of each member that is not what the type
     *     takes (a number out of range, a wrong type, an unknown member when strict)
     * @throws NullPointerException if {@code tree} is null
     */
    public <T> T convert(JsonNode tree, Class<T> type) {
        Objects.requireNonNull(tree, "tree");
        List<Problem> unknown = new ArrayList<>();
        T value;
        try {
            value = reader(type, unknown).readValue(tree);
        } catch (IOException | RuntimeException e) {
            throw withEarlierProblems(unknown, translate(e));
        }
        return finish(value, unknown);
    }

    private <T> T read(Class<T> type, @Nullable String text, byte @Nullable [] bytes) {
        List<Problem> unknown = new ArrayList<>();
        T value;
        try {
            ObjectReader reader = reader(type, unknown);
            value = text != null ? reader.readValue(text) : reader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            throw withEarlierProblems(unknown, translate(e));
        }
        if (value == null) {
            throw new SerializationException(new Problem("", 0, 0, "the document is null, expected " + describe(type)));
        }
        return finish(value, unknown);
    }

    /** Reading stops at the first wrong value; the unknown members met before it are reported too. */
    private static RuntimeException withEarlierProblems(List<Problem> earlier, RuntimeException failure) {
        if (earlier.isEmpty() || !(failure instanceof SerializationException)) {
            return failure;
        }
        List<Problem> all = new ArrayList<>(earlier);
        all.addAll(((SerializationException) failure).problems());
        return new SerializationException(all);
    }

    private ObjectReader reader(Class<?> type, List<Problem> unknown) {
        ObjectReader r = readers.get(type);
        return strict ? r.withAttribute(UNKNOWN_MEMBERS, unknown) : r;
    }

    /**
     * Whether documents of {@code type} are read with a request's limits: what a client sends (a
     * request of ECS or of Application Auto Scaling) and task definitions, whatever their form.
     */
    private static boolean isRequest(Class<?> type) {
        return type.getSimpleName().endsWith("Request")
                || type == TaskDefinition.class
                || type == DescribeTaskDefinitionResponse.class;
    }

    private static <T> T finish(T value, List<Problem> unknown) {
        if (!unknown.isEmpty()) {
            throw new SerializationException(unknown);
        }
        return value;
    }

    /**
     * Reads a task definition in any of the forms people keep in files: a RegisterTaskDefinition
     * input (what {@code aws ecs register-task-definition --cli-input-json} takes), a
     * DescribeTaskDefinition output ({@code {"taskDefinition": {...}, "tags": [...]}}), or the bare
     * {@code taskDefinition} of such an output (with {@code taskDefinitionArn}, {@code revision},
     * {@code status}, {@code registeredAt}...). The members ECS sets on registration are dropped from
     * the request it returns and kept in {@link TaskDefinitionFile#described()}.
     *
     * @throws SerializationException as {@link #read(String, Class)} does, naming the path, line and
     *     column ({@code taskDefinition: expected an object (a task definition), found null})
     * @throws NullPointerException if {@code json} is null
     */
    public TaskDefinitionFile readTaskDefinitionFile(String json) {
        Objects.requireNonNull(json, "json");
        Map<String, JsonLocation> keys = TopLevelKeys.of(json, requestFactory);
        if (keys.containsKey("taskDefinition")) {
            DescribeTaskDefinitionResponse described;
            try {
                described = read(json, DescribeTaskDefinitionResponse.class);
            } catch (SerializationException e) {
                Problem first = e.problems().get(0);
                if (first.path().equals("taskDefinition") && first.reason().contains("found null")) {
                    JsonLocation at = keys.get("taskDefinition");
                    throw new SerializationException(new Problem(
                            "taskDefinition",
                            Math.max(at.getLineNr(), 0),
                            Math.max(at.getColumnNr(), 0),
                            "expected an object (a task definition), found null"));
                }
                throw e;
            }
            TaskDefinition td = described.taskDefinition();
            if (td == null) {
                // Only an explicit null gets here: any other non-object is refused while reading.
                JsonLocation at = keys.get("taskDefinition");
                throw new SerializationException(new Problem(
                        "taskDefinition",
                        Math.max(at.getLineNr(), 0),
                        Math.max(at.getColumnNr(), 0),
                        "expected an object (a task definition), found null"));
            }
            return new TaskDefinitionFile(
                    TaskDefinitionFile.Form.DESCRIBE_OUTPUT, toRegisterRequest(td, described), td);
        }
        if (keys.keySet().stream().anyMatch(TaskDefinitionFile.DESCRIBED_ONLY::contains)) {
            if (!keys.containsKey("tags")) {
                TaskDefinition td = read(json, TaskDefinition.class);
                return new TaskDefinitionFile(TaskDefinitionFile.Form.TASK_DEFINITION, toRegisterRequest(td, null), td);
            }
            // The task definition with the describe output's tags beside its members, as the
            // amazon-ecs-deploy-task-definition GitHub action reads it (describe-task-definition
            // --include TAGS, then the taskDefinition object merged with the tags).
            TaskDefinition td;
            try {
                td = read(json, TaskDefinition.class);
            } catch (SerializationException e) {
                List<Problem> rest = e.problems().stream()
                        .filter(p -> !(p.path().equals("tags") && p.reason().equals("unknown member 'tags'")))
                        .toList();
                if (!rest.isEmpty()) {
                    throw rest.size() == e.problems().size() ? e : new SerializationException(rest);
                }
                td = Lenient.INSTANCE.read(json, TaskDefinition.class);
            }
            com.fasterxml.jackson.databind.node.ObjectNode tagsOnly = mapper.createObjectNode();
            tagsOnly.set("tags", readTree(json).get("tags"));
            DescribeTaskDefinitionResponse withTags = convert(tagsOnly, DescribeTaskDefinitionResponse.class);
            return new TaskDefinitionFile(TaskDefinitionFile.Form.TASK_DEFINITION, toRegisterRequest(td, withTags), td);
        }
        return new TaskDefinitionFile(
                TaskDefinitionFile.Form.REGISTER_INPUT, read(json, RegisterTaskDefinitionRequest.class), null);
    }

    private RegisterTaskDefinitionRequest toRegisterRequest(
            TaskDefinition td, @Nullable DescribeTaskDefinitionResponse described) {
        // The members both shapes share carry over by name; the ones ECS sets on registration go.
        JsonNode tree = mapper.valueToTree(td);
        RegisterTaskDefinitionRequest request = Lenient.INSTANCE.convert(tree, RegisterTaskDefinitionRequest.class);
        if (described != null && described.tags() != null && !described.tags().isEmpty()) {
            request = request.toBuilder().tags(described.tags()).build();
        }
        return request;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a value as compact JSON.
     *
     * @throws UncheckedIOException if {@code value} is of a type Jackson cannot write (never for
     *     Berth's model, request and response types)
     */
    public String write(Object value) {
        try {
            return compact.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a value as indented JSON, for people.
     *
     * @throws UncheckedIOException as {@link #write(Object)} does
     */
    public String writePretty(Object value) {
        try {
            return pretty.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a value as UTF-8 JSON bytes.
     *
     * @throws UncheckedIOException as {@link #write(Object)} does
     */
    public byte[] writeBytes(Object value) {
        try {
            return compact.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The length in bytes of the compact UTF-8 JSON of {@code value}, what {@link #writeBytes} would
     * return, counted without building the array.
     */
    public int byteCount(Object value) {
        ByteCounter counter = new ByteCounter();
        try {
            compact.writeValue(counter, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    /**
     * Whether the compact UTF-8 JSON of {@code value} is at most {@code maxBytes} long. Answers from a
     * cheap upper bound of the length when that is within the limit (the usual case), and counts the
     * written JSON only when it is not.
     */
    public boolean fitsIn(Object value, int maxBytes) {
        return WireSizeBound.of(value, maxBytes) <= maxBytes || byteCount(value) <= maxBytes;
    }

    /** An output stream that only counts. */
    private static final class ByteCounter extends java.io.OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** A value as a JSON tree. */
    public JsonNode toTree(Object value) {
        return mapper.valueToTree(value);
    }

    /** A copy of the configured mapper, for callers that need Jackson directly. */
    public ObjectMapper copyMapper() {
        return mapper.copy();
    }

    // ------------------------------------------------------------------ configuration

    private static ObjectMapper newMapper(boolean strict, boolean strictTypes) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints(MAX_DOCUMENT_BYTES, 20_000_000))
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        JsonMapper.Builder b = JsonMapper.builder(factory)
                .addModule(WireTimestamps.module())
                .addModule(FiniteDoubles.module())
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.AUTO_DETECT_FIELDS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(MapperFeature.AUTO_DETECT_SETTERS)
                .defaultSetterInfo(
                        strict
                                // The AWS CLI refuses a null member of --cli-input-json as a value of the wrong type
                                // ("Invalid type for parameter taskRoleArn, value: None") [obs: botocore validate.py].
                                ? JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL)
                                : JsonSetter.Value.forContentNulls(Nulls.SKIP));
        if (strict) {
            b.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
            b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            b.addHandler(new UnknownMemberCollector());
        } else {
            b.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        JsonMapper m = b.build();
        // true/false is never a string, and "" is never a number or a boolean.
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        if (strictTypes) {
            // Every AWS SDK and the AWS CLI refuse a value of the wrong JSON type before sending it
            // ("cpu": 256 where the API has a string, "essential": "true", "containerPort": "80"): botocore's
            // ParamValidator reports "Invalid type for parameter cpu, value: 256, type: <class 'int'>,
            // valid types: <class 'str'>" [doc: botocore/validate.py]. Strict reading does the same; the
            // lenient reader keeps Jackson's conversions.
            m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                m.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            }
        }
        return m;
    }

    /** Jackson's own reading limits, checked as the parser goes: nothing is built past them. */
    private static StreamReadConstraints constraints(long maxDocument, int maxString) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(maxString)
                .maxDocumentLength(maxDocument)
                .build();
    }

    /** In strict mode: records each unknown member (with its path and place) and reads on. */
    private static final class UnknownMemberCollector extends DeserializationProblemHandler {
        @Override
        @SuppressWarnings("unchecked")
        public boolean handleUnknownProperty(
                DeserializationContext ctxt,
                JsonParser p,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String propertyName)
                throws IOException {
            Object list = ctxt.getAttribute(UNKNOWN_MEMBERS);
            if (!(list instanceof List)) {
                return false;
            }
            JsonLocation at = p.currentTokenLocation();
            String path = pointerToPath(p.getParsingContext().pathAsPointer().toString());
            ((List<Problem>) list)
                    .add(new Problem(
                            path,
                            at.getLineNr() > 0 ? at.getLineNr() : 0,
                            at.getColumnNr() > 0 ? at.getColumnNr() : 0,
                            "unknown member '" + propertyName + "'"));
            p.skipChildren();
            return true;
        }
    }

    // ------------------------------------------------------------------ errors

    private static RuntimeException translate(Exception e) {
        if (e instanceof SerializationException) {
            return (SerializationException) e;
        }
        if (e instanceof JsonMappingException) {
            return new SerializationException(mappingProblem((JsonMappingException) e));
        }
        if (e instanceof JsonProcessingException) {
            return new SerializationException(parseProblem((JsonProcessingException) e, ""));
        }
        if (e instanceof IOException) {
            return new SerializationException(new Problem("", 0, 0, "could not read the document: " + e.getMessage()));
        }
        if (e instanceof IllegalArgumentException && e.getCause() instanceof JsonMappingException) {
            return new SerializationException(mappingProblem((JsonMappingException) e.getCause()));
        }
        return new SerializationException(new Problem("", 0, 0, "could not read the document: " + e));
    }

    private static Problem parseProblem(JsonProcessingException e, String path) {
        return parseProblem(e, path, e.getProcessor() instanceof JsonParser ? (JsonParser) e.getProcessor() : null);
    }

    private static Problem parseProblem(JsonProcessingException e, String path, @Nullable JsonParser p) {
        JsonLocation at = e.getLocation();
        if (p != null) {
            boolean tooDeep = e instanceof StreamConstraintsException
                    && String.valueOf(e.getOriginalMessage()).contains("nesting depth");
            if (path.isEmpty() && !tooDeep) {
                // Where the parser was: the member being read when the text went wrong.
                path = pointerToPath(p.getParsingContext().pathAsPointer().toString());
            }
            if (e instanceof InputCoercionException) {
                at = p.currentTokenLocation(); // where the number starts, not where it ends
            } else if (at == null || at.getLineNr() < 0) {
                at = p.currentLocation();
            }
        }
        int line = at == null || at.getLineNr() < 0 ? 0 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 0 ? 0 : at.getColumnNr();
        String reason;
        if (e instanceof StreamConstraintsException) {
            reason = constraintReason(e.getOriginalMessage());
        } else if (e instanceof InputCoercionException) {
            InputCoercionException ice = (InputCoercionException) e;
            Class<?> target = ice.getTargetType();
            reason = "number out of range of "
                    + (target == Double.class || target == Double.TYPE
                            ? "a floating-point number (64-bit)"
                            : describe(target));
        } else {
            reason = "not valid JSON: " + syntaxReason(e.getOriginalMessage());
        }
        return new Problem(path, line, column, reason);
    }

    private static Problem mappingProblem(JsonMappingException e) {
        String path = path(e.getPath());
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException && !(cause instanceof JsonMappingException)) {
            return parseProblem((JsonProcessingException) cause, path);
        }
        JsonLocation at = e.getLocation();
        int line = at == null || at.getLineNr() < 0 ? 0 : at.getLineNr();
        int column = at == null || at.getColumnNr() < 0 ? 0 : at.getColumnNr();
        String reason;
        if (e instanceof InvalidNullException) {
            List<JsonMappingException.Reference> refs = e.getPath();
            JsonMappingException.Reference last = refs.isEmpty() ? null : refs.get(refs.size() - 1);
            boolean member = last != null && last.getFieldName() != null && !(last.getFrom() instanceof Map);
            Class<?> target = ((InvalidNullException) e).getTargetType();
            reason = member
                    ? "expected " + describe(target) + ", found null (leave the member out instead)"
                    : "null is not allowed in a list or map";
        } else if (e instanceof InvalidFormatException) {
            InvalidFormatException ife = (InvalidFormatException) e;
            reason = ife.getTargetType() == Instant.class
                    ? "not a timestamp: expected epoch seconds or an ISO-8601 date-time, found " + quote(ife.getValue())
                    : "expected " + describe(ife.getTargetType()) + ", found " + quote(ife.getValue());
        } else if (e instanceof MismatchedInputException) {
            MismatchedInputException mie = (MismatchedInputException) e;
            String original = mie.getOriginalMessage() == null ? "" : mie.getOriginalMessage();
            String found = foundInMessage(original);
            if (original.startsWith("Cannot coerce String value (\"")) {
                // strict reading: a string where the API has a number or a boolean; name the string
                int end = original.lastIndexOf("\") to `");
                found = end < 0
                        ? "a string"
                        : quote(original.substring("Cannot coerce String value (\"".length(), end));
            }
            if (found == null) {
                found = found(e);
            }
            if (found == null) {
                reason = mie.getOriginalMessage() != null
                                && mie.getOriginalMessage().startsWith("No content")
                        ? "the document is empty"
                        : "expected " + describe(mie.getTargetType());
            } else {
                reason = "expected " + describe(mie.getTargetType()) + ", found " + found;
            }
            if (mie.getOriginalMessage() != null && mie.getOriginalMessage().startsWith("Trailing token")) {
                reason = "unexpected content after the end of the document";
            }
            if (reason.equals("the document is empty")) {
                line = 0;
                column = 0;
            }
        } else if (e instanceof ValueInstantiationException) {
            reason = "invalid value";
        } else {
            reason = "could not read: " + firstLine(e.getOriginalMessage());
        }
        return new Problem(path, line, column, reason);
    }

    /** What Jackson's message says it met ("... from Object value ..."), in plain words; null if it says nothing. */
    private static @Nullable String foundInMessage(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("from object value")) {
            return "an object";
        }
        if (m.contains("from array value")) {
            return "an array";
        }
        if (m.contains("from boolean value")) {
            return m.contains("value_false") || m.contains("value (false)") ? "false" : "true";
        }
        if (m.contains("from integer value")
                || m.contains("from number value")
                || m.contains("from floating-point value")) {
            return "a number";
        }
        if (m.contains("from string value")) {
            return "a string";
        }
        return null;
    }

    private static @Nullable String found(JsonMappingException e) {
        if (!(e.getProcessor() instanceof JsonParser)) {
            return null;
        }
        JsonToken t = ((JsonParser) e.getProcessor()).currentToken();
        if (t == null) {
            return null;
        }
        return describeToken(t);
    }

    static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer (32-bit)";
        }
        if (type == Long.class || type == long.class) {
            return "an integer (64-bit)";
        }
        if (type == Double.class || type == double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || OpenEnum.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Instant.class) {
            return "a timestamp (epoch seconds)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String constraintReason(String message) {
        if (message != null && message.contains("nesting depth")) {
            return "the document is nested too deeply (more than 200 levels)";
        }
        if (message != null && message.contains("Number value length")) {
            return "a number is too long (more than 400 digits)";
        }
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("document length")) {
            return "the document is too large (more than " + bytes(maximumIn(message)) + ")";
        }
        if (message != null && message.contains("Token count")) {
            return "the document has too many values (more than " + maximumIn(message) + " JSON tokens)";
        }
        if (message != null && message.contains("String value length")) {
            return "a string is too long (more than " + bytes(maximumIn(message)) + ")";
        }
        if (message != null && message.contains("Name length")) {
            return "a member name is too long (more than " + maximumIn(message) + " characters)";
        }
        return "the document exceeds a reading limit: " + firstLine(message);
    }

    /** The limit in Jackson's "... exceeds the maximum allowed (N, from ...)"; -1 if it names none. */
    private static long maximumIn(String message) {
        int at = message.indexOf("maximum allowed (");
        if (at < 0) {
            return -1;
        }
        int start = at + "maximum allowed (".length();
        int end = start;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return end == start || end - start > 18 ? -1 : Long.parseLong(message.substring(start, end));
    }

    private static String bytes(long n) {
        if (n > 0 && n % (1L << 20) == 0) {
            return n / (1L << 20) + " MiB";
        }
        if (n > 0 && n % 1_000_000 == 0) {
            return n / 1_000_000 + " MB";
        }
        return n + " characters";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        JsonPath p = JsonPath.root();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                p = p.child(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                p = p.index(r.getIndex());
            }
        }
        return p.toString();
    }

    static String pointerToPath(String pointer) {
        JsonPath p = JsonPath.root();
        if (pointer.isEmpty()) {
            return "";
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = raw.replace("~1", "/").replace("~0", "~");
            if (!seg.isEmpty() && seg.chars().allMatch(Character::isDigit) && seg.length() < 10) {
                p = p.index(Integer.parseInt(seg));
            } else {
                p = p.child(seg);
            }
        }
        return p.toString();
    }

    /** Longest value quoted in a message: a 10 MB string does not come back whole in the error. */
    private static final int MAX_QUOTED = 64;

    private static String quote(@Nullable Object v) {
        if (v == null) {
            return "null";
        }
        String text = v.toString();
        if (text.length() > MAX_QUOTED) {
            text = text.substring(0, MAX_QUOTED - 3) + "...";
        }
        return v instanceof String ? "'" + text + "'" : text;
    }

    /** Jackson's syntax messages in plain words; a message not recognised is kept, trimmed of its source part. */
    static String syntaxReason(@Nullable String message) {
        String m = firstLine(message);
        if (m.startsWith("Unexpected end-of-input")) {
            return "the document ends before it is complete";
        }
        String ch = quotedCharacter(m);
        if (m.startsWith("Duplicate field '")) {
            return "member " + m.substring("Duplicate field ".length()) + " appears more than once";
        }
        if (m.contains("maybe a (non-standard) comment")) {
            return "comments are not allowed in JSON";
        }
        if (m.startsWith("Non-standard token '")) {
            return m.substring("Non-standard token ".length(), m.indexOf('\'', "Non-standard token '".length()) + 1)
                    + " is not a JSON value";
        }
        if (m.startsWith("Unrecognized token '")) {
            int end = m.indexOf('\'', "Unrecognized token '".length());
            return "unexpected text " + m.substring("Unrecognized token ".length(), end + 1)
                    + " (strings need double quotes; the literals are true, false and null)";
        }
        if (m.startsWith("Unexpected close marker '")) {
            int expected = m.indexOf("expected '");
            return "unexpected '" + m.charAt("Unexpected close marker '".length()) + "'"
                    + (expected < 0 ? "" : ", expected '" + m.charAt(expected + "expected '".length()) + "'");
        }
        if (m.contains("CTRL-CHAR")) {
            int code = m.indexOf("code ");
            String which =
                    code < 0 ? "" : " (code " + m.substring(code + 5, Math.max(code + 5, m.indexOf(')', code))) + ")";
            return m.startsWith("Illegal unquoted character")
                    ? "a control character" + which + " in a string must be escaped with a backslash"
                    : "unexpected control character" + which;
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "invalid escape sequence in a string: " + m.substring("Unrecognized character escape ".length());
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "a number must not start with 0";
        }
        if (ch != null) {
            if (m.contains("was expecting double-quote to start field name")) {
                return "expected a member name in double quotes, found " + ch
                        + (ch.equals("'}'") ? " (a comma before it?)" : "");
            }
            if (m.contains("was expecting a colon")) {
                return "expected ':' after the member name, found " + ch;
            }
            if (m.contains("was expecting comma to separate Object entries")) {
                return "expected ',' or '}' after a member, found " + ch;
            }
            if (m.contains("was expecting comma to separate Array entries")) {
                return "expected ',' or ']' after an element, found " + ch;
            }
            if (m.contains("in numeric value")) {
                return "malformed number, found " + ch;
            }
            return "unexpected " + (ch.startsWith("'") ? "character " : "") + ch;
        }
        int cut = m.indexOf(" (start marker at");
        if (cut < 0) {
            cut = m.indexOf(" (for ");
        }
        if (cut < 0) {
            cut = m.indexOf(" at [Source");
        }
        return cut < 0 ? m : m.substring(0, cut);
    }

    /** The character of Jackson's "Unexpected character ('x' (code 120))", as {@code 'x'}; null if none. */
    private static @Nullable String quotedCharacter(String m) {
        int at = m.indexOf("character ('");
        if (at < 0) {
            return null;
        }
        int start = at + "character ('".length();
        int end = m.indexOf("' (code", start);
        if (end < 0) {
            return null;
        }
        String c = m.substring(start, end);
        return c.equals("\uFEFF") ? "a byte order mark (U+FEFF)" : "'" + c + "'";
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static @Nullable String describeToken(JsonToken t) {
        switch (t) {
            case START_OBJECT:
            case END_OBJECT:
            case FIELD_NAME:
                return "an object";
            case START_ARRAY:
            case END_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            default:
                return null;
        }
    }

    /** Lists the members of the top-level object, each with where its value starts, without building any value. */
    private static final class TopLevelKeys {
        static Map<String, JsonLocation> of(String json, JsonFactory factory) {
            Map<String, JsonLocation> keys = new java.util.LinkedHashMap<>();
            JsonParser p = null;
            try {
                p = factory.createParser(json);
                JsonToken t = p.nextToken();
                if (t != JsonToken.START_OBJECT) {
                    if (t == null) {
                        throw new SerializationException(new Problem("", 0, 0, "the document is empty"));
                    }
                    JsonLocation at = p.currentTokenLocation();
                    throw new SerializationException(new Problem(
                            "",
                            at.getLineNr(),
                            at.getColumnNr(),
                            "expected an object (a task definition), found " + describeToken(t)));
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    keys.put(name, p.currentTokenLocation());
                    p.skipChildren();
                }
            } catch (JsonProcessingException e) {
                // Some reading limits do not name the parser; this one knows where it was.
                throw new SerializationException(parseProblem(
                        e, "", e.getProcessor() instanceof JsonParser ? (JsonParser) e.getProcessor() : p));
            } catch (IOException e) {
                throw new SerializationException(
                        new Problem("", 0, 0, "could not read the document: " + e.getMessage()));
            } finally {
                if (p != null) {
                    try {
                        p.close();
                    } catch (IOException ignored) {
                        // reading a String: nothing to release
                    }
                }
            }
            return keys;
        }
    }
}
