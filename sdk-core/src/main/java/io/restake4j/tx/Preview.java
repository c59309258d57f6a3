package io.restake4j.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * What an operation would do now, from one simulation of all its steps together: the transactions
 * (approvals included), their decoded results and events, gas and fees. Nothing was signed.
 *
 * <pre>{@code
 * Preview p = operation.preview();
 * p.steps().forEach(System.out::println);
 * System.out.println(p); // the steps, then "fees: ...; expected 0.0001 ETH (100000000000000 wei), at most ..."
 * System.out.println("at most " + p.maxCostWei() + " wei of ETH, value and fees");
 * }</pre>
 *
 * @param description    the operation
 * @param steps          the steps that would be sent, in order
 * @param fees           the fees they would be sent with
 * @param baseFeePerGas  the base fee of the simulated block (null when unknown)
 * @param fullySimulated false when some steps could not be simulated in advance (see {@link SimulatedStep#simulated()})
 * @param method         how the node simulated: {@code eth_simulateV1} or {@code eth_call}
 * @param quotes         figures the protocol package states for this operation, read before the simulation
 *                       (for example a deposit fee or the tokens expected), in the plan's order
 */
public record Preview(String description, List<SimulatedStep> steps, Fees fees, BigInteger baseFeePerGas,
        boolean fullySimulated, String method, List<Quote> quotes) {

    public Preview {
        Objects.requireNonNull(description, "description");
        steps = List.copyOf(steps);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    /** The quote with this label, if the plan stated one. */
    public java.util.Optional<Quote> quote(String label) {
        return quotes.stream().filter(q -> q.label().equals(label)).findFirst();
    }

    /** Whether every simulated step would succeed. */
    public boolean wouldSucceed() {
        return steps.stream().allMatch(s -> !s.simulated() || s.success());
    }

    /** Sum of the gas limits of the simulated steps. */
    public BigInteger totalGasLimit() {
        return steps.stream().map(SimulatedStep::gasLimit).filter(Objects::nonNull).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The most the simulated steps can cost in fees, in wei: gas limit times the maximum fee per gas. */
    public BigInteger maxFeeWei() {
        return fees == null ? BigInteger.ZERO : totalGasLimit().multiply(fees.maxFeePerGas());
    }

    /**
     * The expected fee in wei at the simulated block's base fee: gas used times the price actually paid
     * (base fee plus priority fee, at most the maximum fee).
     */
    public BigInteger expectedFeeWei() {
        if (fees == null) {
            return BigInteger.ZERO;
        }
        BigInteger price = switch (fees) {
            case Fees.Legacy legacy -> legacy.gasPrice();
            case Fees.Eip1559 f -> baseFeePerGas == null ? f.maxFeePerGas()
                    : baseFeePerGas.add(f.maxPriorityFeePerGas()).min(f.maxFeePerGas());
        };
        return steps.stream().map(SimulatedStep::gasUsed).filter(Objects::nonNull).reduce(BigInteger.ZERO, BigInteger::add)
                .multiply(price);
    }

    /** The ETH the steps send along (a stake's value), in wei. */
    public BigInteger valueWei() {
        return steps.stream().map(s -> s.step().value()).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The most the operation can take from the account's ETH: {@link #valueWei()} plus {@link #maxFeeWei()}. */
    public BigInteger maxCostWei() {
        return valueWei().add(maxFeeWei());
    }

    private static String eth(BigInteger wei) {
        return io.restake4j.units.Amount.ofWei(wei, io.restake4j.units.Token.ETH).toStringWithWei();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Preview of ").append(description).append(" (").append(method)
                .append(fullySimulated ? "" : ", partly simulated").append("):\n");
        steps.forEach(s -> sb.append("  ").append(s).append('\n'));
        quotes.forEach(q -> sb.append("  ").append(q).append('\n'));
        sb.append("  fees: ").append(fees).append("; expected ").append(eth(expectedFeeWei())).append(", at most ")
                .append(eth(maxFeeWei()));
        BigInteger value = valueWei();
        if (value.signum() > 0) {
            sb.append("\n  value sent: ").append(eth(value));
        }
        return sb.toString();
    }
}
