package io.restake4j.eigenlayer;

import java.util.List;
import java.util.Optional;

/**
 * A staker's EigenLayer positions and the operator its shares are delegated to.
 *
 * <pre>{@code
 * Positions p = client.eigenLayer().positions();
 * p.operator().ifPresent(op -> System.out.println("delegated to " + op));
 * }</pre>
 *
 * @param staker    whose positions
 * @param delegatedTo the operator, or the zero address when not delegated
 * @param positions one per strategy with shares
 */
public record Positions(String staker, String delegatedTo, List<Position> positions) {

    public Positions {
        positions = List.copyOf(positions);
    }

    /** The operator, when delegated. */
    public Optional<String> operator() {
        return EigenLayerContext.isZero(delegatedTo) ? Optional.empty() : Optional.of(delegatedTo);
    }

    /**
     * E.g. {@code EigenLayer positions of 0xabc... (delegated to 0xdef...): 3 stETH withdrawable (...) in strategy
     * 0x...}, one position per line.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EigenLayer positions of ").append(staker)
                .append(operator().map(op -> " (delegated to " + op + ")").orElse(" (not delegated)"));
        if (positions.isEmpty()) {
            return sb.append(": none").toString();
        }
        sb.append(':');
        positions.forEach(p -> sb.append("\n  ").append(p));
        return sb.toString();
    }

    /** The position in {@code strategy}, if any. */
    public Optional<Position> in(String strategy) {
        return positions.stream().filter(p -> p.strategy().equalsIgnoreCase(strategy)).findFirst();
    }
}
