package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

import io.restake4j.units.Amount;

/**
 * A slash that concerns a Symbiotic vault's stakers: for a v1 vault either executed (the vault's {@code OnSlash}:
 * collateral taken from active stake and pending withdrawals) or requested through the vault's VetoSlasher and not
 * completed yet (it may still be executed after {@code vetoDeadline}, or vetoed by the subnetwork's resolver before
 * it); for a Core V2 vault, executed on one of its AppAdapters (the adapter's {@code Slash}; the loss lowers the
 * vault's share price).
 *
 * <pre>{@code
 * for (SymbioticSlash s : vault.slashes()) {
 *     if (s.pending()) System.out.println(s.requested() + " may be slashed after " + s.vetoDeadline());
 * }
 * }</pre>
 *
 * @param requestIndex the VetoSlasher's request index; null for an executed slash
 * @param subnetwork   the subnetwork of a request or of the V2 adapter slashed (32 bytes, hex); null for an executed
 *                     v1 slash (the vault's event has none)
 * @param operator     the operator of a request or of the V2 adapter slashed; null for an executed v1 slash
 * @param requested    the amount asked for
 * @param slashed      the collateral taken; zero for a pending request
 * @param vetoDeadline for a pending request, when the veto window ends; null otherwise
 * @param captureTime  the capture time of a v1 slash or request; null for a V2 adapter slash (its event has none)
 * @param block        the block of the vault's {@code OnSlash} or the adapter's {@code Slash}; null for a pending request
 */
public record SymbioticSlash(boolean pending, BigInteger requestIndex, String subnetwork, String operator, Amount requested,
        Amount slashed, Instant captureTime, Instant vetoDeadline, BigInteger block) {

    public SymbioticSlash {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(slashed, "slashed");
    }
}
