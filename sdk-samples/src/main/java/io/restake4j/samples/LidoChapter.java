package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.LidoDevnet;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.lido.Lido;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.LiquidWithdrawal;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The Lido chapter of the main sample: stake, wrap, a withdrawal bigger than one request may be (split
 * by the SDK), an oracle report, finalization on the devnet, and one claim for all, through
 * {@code client.lido()}.
 *
 * <pre>{@code
 * int next = LidoChapter.run(devnet, 12);
 * }</pre>
 */
final class LidoChapter {

    private LidoChapter() {
    }

    static int run(Devnet devnet, int step) throws Exception {
        LidoDevnet fixtures = devnet.lido();
        Credentials erin = devnet.account(6);
        devnet.setBalance(erin.getAddress(), BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(5000)));

        println("");
        println("%d. Lido, staking as erin (the devnet's Lido fixtures; mainnet presets find the real ones through the LidoLocator)", step);
        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(erin))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            Lido lido = client.lido();

            LiquidResult staked = lido.stake(Amount.parse("3000", Token.ETH)).send();
            println("     staked 3000 ETH: %s for %s (from the Transfer and TransferShares events)", staked.amount(),
                    staked.shares());
            LiquidResult wrapped = lido.wrap(Amount.parse("200", lido.stETH())).send();
            println("     wrapped 200 stETH into %s (%d transactions: approval + wrap)", wrapped.amount(), wrapped.transactionCount());

            fixtures.report(BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(3)));
            println("     devnet oracle report: +3 ETH of rewards (10%% to the treasury and modules as fee shares, the rest to every holder); 1 wstETH = %s stETH now",
                    Amount.ofWei(lido.rates().amountPerWrapped(), lido.stETH()).toPlainString());

            try {
                lido.withdrawals().request(Amount.ofWei(BigInteger.valueOf(99), lido.stETH()));
            } catch (InvalidInputException refused) {
                println("     a request below the queue's minimum is refused before signing: %s", refused.getMessage());
            }
            LiquidResult requested = lido.withdrawals().request(Amount.parse("2500", lido.stETH())).send();
            println("     requested the withdrawal of 2500 stETH: the SDK split it into requests %s (the queue takes at most "
                    + "1000 stETH each), in one transaction after the approval", requested.requestIds());
            for (LiquidWithdrawal r : lido.withdrawals().pending()) {
                println("       request %s: %s, %s, place in queue %s", r.requestId(), r.status(), r.requested(), r.queuePosition());
            }

            fixtures.finalizeAll();
            println("     the devnet oracle finalized the queue");
            for (LiquidWithdrawal r : lido.withdrawals().pending()) {
                println("       request %s: %s, claimable %s", r.requestId(), r.status(), r.claimable());
            }
            LiquidResult claimed = lido.withdrawals().claimAllReady().send();
            println("     claimed %s for requests %s in %d transaction (checkpoint hints found by the SDK)", claimed.amount(),
                    claimed.requestIds(), claimed.transactionCount());
            println("     %s wei short of the 2500 stETH requested: the queue pays each request's shares at the finalization "
                    + "rate, rounded down, as Lido does", requested.amount().wei().subtract(claimed.amount().wei()));

            LiquidPositions positions = lido.positions();
            for (LiquidPosition p : positions.holdings()) {
                println("     position: %s (%s), worth %s", p.balance(), p.shares(), p.value());
            }
            Credentials frank = devnet.account(7);
            LiquidResult sent = lido.transferAll(frank.getAddress()).send();
            println("     sent every stETH share to frank with transferShares: %s, erin keeps %s", sent.amount(),
                    lido.positions().of(lido.stETH()).balance());
        }
        return step + 1;
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
