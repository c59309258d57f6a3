package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * A slash that concerns a Symbiotic v1 vault's stakers: either executed (the vault's {@code OnSlash}: collateral
 * taken from active stake and pending withdrawals) or requested through the vault's VetoSlasher and not completed
 * yet (it may still be executed after {@code vetoDeadline}, or vetoed by the subnetwork's resolver before it).
 *
 * <pre>{@code
 * for (SymbioticSlash s : vault.slashes()) {
 *     if (s.pending()) System.out.println(s.requested() + " may be slashed after " + s.vetoDeadline());
 * }
 * }</pre>
 *
 * @param requestIndex the VetoSlasher's request index; null for an executed slash
 * @param subnetwork   the subnetwork of a request (32 bytes, hex); null for an executed slash (the vault's event has none)
 * @param operator     the operator of a request; null for an executed slash
 * @param requested    the amount asked for
 * @param slashed      the collateral taken; zero for a pending request
 * @param vetoDeadline for a pending request, when the veto window ends; null otherwise
 * @param block        the block of the vault's {@code OnSlash}; null for a pending request
 */
public record SymbioticSlash(boolean pending, BigInteger requestIndex, String subnetwork, String operator, Amount requested,
        Amount slashed, Instant captureTime, Instant vetoDeadline, BigInteger block) {

    public SymbioticSlash {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(slashed, "slashed");
        Objects.requireNonNull(captureTime, "captureTime");
    }
}
