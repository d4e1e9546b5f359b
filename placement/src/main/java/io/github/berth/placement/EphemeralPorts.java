package io.github.berth.placement;

/**
 * Where dynamic host ports come from. [model] The agent reads the kernel's ephemeral range and
 * falls back to 49153-65535 on Linux (docs/placement.md#host-ports); Berth uses that range and, like a
 * deterministic Docker, takes the lowest free port (or block of ports, for a port range) on the
 * instance, skipping every port bound there: reserved ones, other tasks' bindings and the ports
 * chosen earlier in the request. Dynamic ports are not a placement check (ECS does not account
 * for them), only a choice reported in the bindings.
 */
final class EphemeralPorts {

    static final int FIRST = 49153;
    static final int LAST = 65535;

    private EphemeralPorts() {}

    /** The first port of a free block of {@code length} ports, or -1 when the range has none. */
    static int lowestFree(PlacementState st, int instance, boolean udp, int length) {
        // Every port below the cursor is bound: each port is stepped over once per request, not once
        // per dynamic port chosen (4,000 one-port tasks on one instance took seconds).
        int start = st.ephemeralCursor(instance, udp);
        while (start <= LAST && st.bound(instance, start, udp)) {
            start++;
        }
        st.ephemeralCursor(instance, udp, start);
        while (start + length - 1 <= LAST) {
            int blocked = -1;
            for (int p = start; p < start + length; p++) {
                if (st.bound(instance, p, udp)) {
                    blocked = p;
                    break;
                }
            }
            if (blocked < 0) {
                return start;
            }
            start = blocked + 1;
        }
        return -1;
    }
}
