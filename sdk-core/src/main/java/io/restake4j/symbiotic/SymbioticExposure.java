package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * What one subnetwork (a network and a 96-bit identifier) may slash of a Symbiotic v1 vault, as its delegator
 * has it now: the network's own cap ({@code maxNetworkLimit}), the curator's limit ({@code networkLimit}; null for an
 * OperatorNetworkSpecific delegator, which has none), and the stake each operator it backs holds there (what a slash
 * of that operator can take, before slashes already made).
 *
 * <pre>{@code
 * for (SymbioticExposure e : vault.exposure()) {
 *     System.out.println(e.network() + "/" + e.identifier() + ": " + e.operators());
 * }
 * }</pre>
 */
public record SymbioticExposure(String subnetwork, String network, BigInteger identifier, Amount maxNetworkLimit,
        Amount networkLimit, List<OperatorStake> operators) {

    public SymbioticExposure {
        Objects.requireNonNull(subnetwork, "subnetwork");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(maxNetworkLimit, "maxNetworkLimit");
        operators = List.copyOf(operators);
    }

    /** An operator's stake in the subnetwork ({@code stake(subnetwork, operator)}: 0 unless it is opted in). */
    public record OperatorStake(String operator, Amount stake) {

        public OperatorStake {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(stake, "stake");
        }
    }
}
