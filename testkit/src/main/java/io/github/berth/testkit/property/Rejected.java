package io.github.berth.testkit.property;

/**
 * Thrown inside generation when a value cannot be made from the choices at hand: a filter rejected
 * every attempt, or the generation grew without bound. While shrinking it only marks a candidate as
 * unusable; in a random try the runner turns it into a {@link GenerationException} for the user.
 */
final class Rejected extends RuntimeException {

    enum Reason {
        FILTER,
        TOO_LARGE
    }

    private final Reason reason;

    Rejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
