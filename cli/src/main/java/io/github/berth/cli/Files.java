package io.github.berth.cli;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.placement.ClusterSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Reading the input files of the commands, the same way in every command: {@code -} is standard
 * input, text is strict UTF-8 (a byte order mark is skipped), and every error names the file.
 */
final class Files {

    /** EcsJson reads documents of up to 50 MB; a larger file is refused before it is read into memory. */
    static final long MAX_FILE_BYTES = 50_000_000L;

    /** The name that stands for standard input. */
    static final String STDIN = "-";

    private Files() {}

    /** A file that cannot be read, with the reason in plain words (without the file's name). */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A snapshot from describe-container-instances and (optionally) describe-tasks output files. */
    static ClusterSnapshot snapshot(Path instances, @Nullable Path tasks, boolean trunking) throws IOException {
        return snapshot(instances, tasks, trunking, java.util.List.of());
    }

    /** The same, with what describe-subnets told of subnets (their AZs, for Fargate and awsvpc). */
    static ClusterSnapshot snapshot(
            Path instances, @Nullable Path tasks, boolean trunking, java.util.List<DescribeSubnets.Entry> subnets)
            throws IOException {
        // Read leniently (AWS CLI output may carry members newer than the model), but the member that
        // makes the file what it claims to be must be there: a DescribeTasks output given as --instances
        // would otherwise read as an empty cluster.
        DescribeContainerInstancesResponse ci =
                readJson(instances, EcsJson.lenient(), DescribeContainerInstancesResponse.class);
        if (ci.containerInstances() == null) {
            throw new IOException(
                    instances + ": not a DescribeContainerInstances response: it has no containerInstances member");
        }
        ClusterSnapshot.Builder b = ClusterSnapshot.builder().awsvpcTrunking(trunking);
        b.addInstances(ci.containerInstances());
        for (DescribeSubnets.Entry s : subnets) {
            b.subnet(s.subnetId(), s.availabilityZone(), s.vpcId());
        }
        if (tasks != null) {
            DescribeTasksResponse t = readJson(tasks, EcsJson.lenient(), DescribeTasksResponse.class);
            if (t.tasks() == null) {
                throw new IOException(tasks + ": not a DescribeTasks response: it has no tasks member");
            }
            b.addTasks(t.tasks());
        }
        try {
            return b.build();
        } catch (InvalidParameterException e) {
            // The snapshot's messages start with the path of the member (containerInstances[i]... or
            // tasks[i]...): name the file it stands in.
            String message = e.getMessage();
            Path file = tasks != null && message != null && message.startsWith("tasks[") ? tasks : instances;
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A file's JSON as a value of {@code type}; a problem in it is reported with the file's name. */
    static <T> T readJson(Path path, EcsJson json, Class<T> type) throws IOException {
        String text = read(path);
        try {
            return json.read(text, type);
        } catch (SerializationException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** A task definition file in any form (register input, describe output, bare task definition). */
    static TaskDefinition readTaskDefinition(Path path) throws IOException {
        return readTaskDefinitionFile(path).taskDefinition();
    }

    /** A task definition file in any form, as read (with the RegisterTaskDefinition input it amounts to). */
    static TaskDefinitionFile readTaskDefinitionFile(Path path) throws IOException {
        String text = read(path);
        try {
            return EcsJson.strict().readTaskDefinitionFile(text);
        } catch (SerializationException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** A file's text; the message of the exception is {@code FILE: reason}. */
    static String read(Path path) throws IOException {
        try {
            return utf8(bytes(path));
        } catch (Unreadable e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": not UTF-8 text", e);
        }
    }

    /** What {@code -} reads on this thread while {@link Berth#run(InputStream, java.io.PrintWriter, java.io.PrintWriter, String...)} runs. */
    private static final ThreadLocal<InputStream> STANDARD_INPUT = new ThreadLocal<>();

    /** Runs {@code command} with {@code in} as what {@code -} reads, on this thread only. */
    static int withStandardInput(InputStream in, IntSupplier command) {
        InputStream before = STANDARD_INPUT.get();
        STANDARD_INPUT.set(in);
        try {
            return command.getAsInt();
        } finally {
            if (before == null) {
                STANDARD_INPUT.remove();
            } else {
                STANDARD_INPUT.set(before);
            }
        }
    }

    private static InputStream standardInput() {
        InputStream in = STANDARD_INPUT.get();
        return in != null ? in : System.in;
    }

    /**
     * Standard input can be read once: when {@code -} stands for more than one input file, the
     * message to give (else null).
     */
    static @Nullable String stdinTwice(@Nullable Path... paths) {
        long n = Arrays.stream(paths)
                .filter(Objects::nonNull)
                .filter(p -> p.toString().equals(STDIN))
                .count();
        return n > 1 ? "standard input (-) can stand for one input file only, found " + n : null;
    }

    /** The bytes of a file ({@code -}: standard input), refusing directories and files over 50 MB. */
    static byte[] bytes(Path file) throws Unreadable {
        try {
            if (file.toString().equals(STDIN)) {
                byte[] bytes = standardInput().readNBytes((int) MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    throw new Unreadable("standard input is larger than 50 MB");
                }
                return bytes;
            }
            if (java.nio.file.Files.isDirectory(file)) {
                throw new Unreadable("it is a directory");
            }
            long size = java.nio.file.Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new Unreadable("the file is " + size + " bytes, more than the 50 MB read at most");
            }
            return java.nio.file.Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("permission denied");
        } catch (IOException e) {
            throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Strict UTF-8, without a byte order mark (editors on Windows write one; it is not JSON). */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        if (chars.length() > 0 && chars.charAt(0) == '\uFEFF') {
            chars.position(1);
        }
        return chars.toString();
    }
}
