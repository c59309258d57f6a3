package io.restake4j.tx;

import java.math.BigInteger;
import java.util.List;

import org.web3j.protocol.core.methods.response.Log;

import io.restake4j.errors.DecodedRevert;

/**
 * One step as the simulation saw it.
 *
 * <pre>{@code
 * for (SimulatedStep s : preview.steps()) System.out.println(s.step().description() + ": " + s.result());
 * }</pre>
 *
 * @param index     zero-based position in the operation
 * @param step      the step
 * @param simulated false when the node could not simulate it (it depends on an earlier step and the node
 *                  lacks {@code eth_simulateV1}); it is then simulated right before it is sent
 * @param success   whether it would succeed (meaningful when simulated)
 * @param result    the decoded return value, or null
 * @param gasUsed   gas the simulation used (null when not simulated)
 * @param gasLimit  the gas limit it will be sent with (simulated gas plus the safety margin; null when not simulated)
 * @param logs      the events it would emit
 * @param revert    why it would revert, when it would
 */
public record SimulatedStep(int index, Step step, boolean simulated, boolean success, Object result, BigInteger gasUsed,
        BigInteger gasLimit, List<Log> logs, DecodedRevert revert) {

    public SimulatedStep {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    @Override
    public String toString() {
        if (!simulated) {
            return (index + 1) + ". " + step + ": not simulated (depends on an earlier step; checked before sending)";
        }
        return (index + 1) + ". " + step + (success ? ": ok" : ": REVERTS " + revert)
                + (result != null ? ", returns " + result : "") + ", gas " + gasUsed + " (limit " + gasLimit + ")"
                + (logs.isEmpty() ? "" : ", " + logs.size() + " event(s)");
    }
}
