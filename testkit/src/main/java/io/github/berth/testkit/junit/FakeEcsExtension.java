package io.github.berth.testkit.junit;

import io.github.berth.testkit.fake.EcsEvent;
import io.github.berth.testkit.fake.EventLog;
import io.github.berth.testkit.fake.FakeEcs;
import java.io.PrintStream;
import java.lang.reflect.AnnotatedElement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit 5 extension behind {@link WithFakeEcs}: one fresh {@link FakeEcs} per test, resolved
 * for every parameter of that type (the same instance within one test), and the tail of its event
 * log printed when the test fails. Usable alone with {@code @ExtendWith(FakeEcsExtension.class)}
 * (default settings) or through {@code @RegisterExtension}.
 */
public final class FakeEcsExtension implements ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeEcsExtension.class);

    private final PrintStream err;

    public FakeEcsExtension() {
        this(System.err);
    }

    FakeEcsExtension(PrintStream err) {
        this.err = err;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeEcs.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return fake(context);
    }

    /** The test's fake, made on first use. */
    static FakeEcs fake(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("fake", k -> create(settings(context)), FakeEcs.class);
    }

    private static Optional<WithFakeEcs> settings(ExtensionContext context) {
        Optional<WithFakeEcs> onMethod = context.getTestMethod().flatMap(m -> find(m));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        for (Optional<Class<?>> c = context.getTestClass();
                c.isPresent();
                c = c.get().getEnclosingClass() == null
                        ? Optional.empty()
                        : Optional.of(c.get().getEnclosingClass())) {
            Optional<WithFakeEcs> onClass = find(c.get());
            if (onClass.isPresent()) {
                return onClass;
            }
        }
        return Optional.empty();
    }

    private static Optional<WithFakeEcs> find(AnnotatedElement e) {
        return Optional.ofNullable(e.getAnnotation(WithFakeEcs.class));
    }

    private static FakeEcs create(Optional<WithFakeEcs> settings) {
        FakeEcs.Builder b = FakeEcs.builder();
        if (settings.isPresent()) {
            WithFakeEcs s = settings.get();
            Instant start;
            try {
                start = Instant.parse(s.start());
            } catch (DateTimeParseException ex) {
                throw new ExtensionConfigurationException(
                        "@WithFakeEcs(start = \"" + s.start()
                                + "\") is not an ISO-8601 instant such as 2026-01-01T00:00:00Z",
                        ex);
            }
            try {
                b.seed(s.seed()).region(s.region()).accountId(s.accountId()).start(start);
            } catch (IllegalArgumentException ex) {
                throw new ExtensionConfigurationException("@WithFakeEcs: " + ex.getMessage(), ex);
            }
        }
        return b.build();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        FakeEcs ecs = context.getStore(NAMESPACE).get("fake", FakeEcs.class);
        if (ecs != null) {
            int n = settings(context).map(WithFakeEcs::eventsOnFailure).orElse(30);
            List<EcsEvent> tail = ecs.events().tail(n);
            err.println("The fake's last " + tail.size() + " events before " + context.getDisplayName()
                    + " failed (fake time " + ecs.clock().now() + "):");
            err.print(EventLog.format(tail));
        }
        throw failure;
    }
}
