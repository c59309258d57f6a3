package io.restake4j.karak;

import java.math.BigInteger;
import java.util.List;

import io.restake4j.tx.Execution;
import io.restake4j.tx.OperationResult;
import io.restake4j.units.Amount;

/**
 * The outcome of a Karak write as the events report it: a deposit's (or a migration's) assets and shares minted, a
 * started v1 withdrawal's shares (its root is read back with {@link Karak#withdrawals()}), a started v2 redeem's
 * shares, its key and the vault's estimate of its assets, a finished one's assets paid and root or key.
 *
 * <pre>{@code
 * KarakResult r = client.karak().deposit(vault, Amount.parse("1", token), 50).send();
 * System.out.println(r.shares() + " shares for " + r.assets());
 * }</pre>
 */
public final class KarakResult extends OperationResult {

    private final Amount assets;
    private final BigInteger shares;
    private final List<String> roots;

    KarakResult(Execution execution, Amount assets, BigInteger shares, List<String> roots) {
        super(execution);
        this.assets = assets;
        this.shares = shares;
        this.roots = List.copyOf(roots);
    }

    /** Assets deposited or paid out. */
    public Amount assets() {
        return assets;
    }

    /** Shares minted (deposit) or withdrawn (start, finish). */
    public BigInteger shares() {
        return shares;
    }

    /** The v1 withdrawal roots a finish settled, or the v2 redeem keys a startRedeem created or a finishRedeem settled. */
    public List<String> roots() {
        return roots;
    }

    @Override
    public String toString() {
        return "KarakResult[" + assets + ", shares " + shares + ", roots " + roots + "]";
    }
}
