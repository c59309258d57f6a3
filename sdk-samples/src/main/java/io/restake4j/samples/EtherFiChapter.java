package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.etherfi.EtherFi;
import io.restake4j.etherfi.EtherFiRates;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.LiquidWithdrawal;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The ether.fi chapter of the main sample: a staker's cycle on the devnet's ether.fi fixtures (stake for
 * eETH, wrap into weETH, a rebase, a withdrawal request, finalization by the devnet oracle, the claim),
 * through {@code client.etherFi()}.
 *
 * <pre>{@code
 * int next = EtherFiChapter.run(devnet, 6);
 * }</pre>
 */
final class EtherFiChapter {

    private EtherFiChapter() {
    }

    static int run(Devnet devnet, int step) throws Exception {
        EtherFiDevnet fixtures = devnet.etherFi();
        Credentials grace = devnet.account(8);
        devnet.setBalance(grace.getAddress(), BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(3000)));

        println("");
        println("%d. ether.fi, staking as grace (the devnet's ether.fi fixtures; mainnet uses the real contracts)", step);
        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(grace))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            EtherFi etherFi = client.etherFi();

            LiquidResult staked = etherFi.stake(Amount.parse("2600", Token.ETH)).send();
            println("     staked 2600 ETH: %s minted for %s (Transfer / TransferShares events)", staked.amount(),
                    staked.shares());

            var both = etherFi.stakeAndWrap(Amount.parse("2", Token.ETH));
            Preview preview = both.preview();
            println("     stake-and-wrap preview: %d transactions (%s), quotes %s, nothing signed", preview.steps().size(),
                    String.join(" + ", preview.steps().stream().map(s -> s.step().description().split(" ")[0]).toList()),
                    preview.quotes());
            println("     staked and wrapped 2 ETH: received %s", both.send().amount());

            fixtures.rebase(BigInteger.TEN.pow(17)); // +0.1 ETH of rewards from the devnet oracle
            EtherFiRates rates = etherFi.rates();
            println("     after a +0.1 ETH rebase: 1 weETH = %s eETH; pool %s over %s shares",
                    Amount.ofWei(rates.amountPerWrapped(), etherFi.eETH()).toPlainString(),
                    Amount.ofWei(rates.totalPooledEther(), Token.ETH), rates.totalShares());

            LiquidResult unwrapped = etherFi.unwrap(Amount.parse("1", etherFi.weETH())).send();
            println("     unwrapped 1 weETH into %s", unwrapped.amount());

            try {
                etherFi.withdrawals().request(Amount.parse("0.0001", etherFi.eETH()));
            } catch (InvalidInputException tooSmall) {
                println("     a tiny request is refused before signing: %s", tooSmall.getMessage());
            }
            LiquidResult requested = etherFi.withdrawals().request(Amount.parse("2500", etherFi.eETH())).send();
            println("     requested the withdrawal of %s: the pool takes at most 1000 eETH a request, so the SDK made requests %s "
                    + "(%d transactions: one approval, one requestWithdraw per part)", requested.amount(), requested.requestIds(),
                    requested.transactionCount());
            for (LiquidWithdrawal r : etherFi.withdrawals().pending()) {
                println("       request #%s: %s, %s, place in queue %s", r.requestId(), r.status(), r.requested(), r.queuePosition());
            }
            BigInteger first = requested.requestIds().get(0);
            try {
                etherFi.withdrawals().claimIds(first);
            } catch (InvalidInputException early) {
                println("     claiming now is refused before signing: %s", early.getMessage());
            }

            fixtures.finalizeAll();
            println("     the devnet oracle finalized the queue, freezing the rate:");
            for (LiquidWithdrawal r : etherFi.withdrawals().pending()) {
                println("       request #%s: %s, claimable %s", r.requestId(), r.status(), r.claimable());
            }
            LiquidResult claimed = etherFi.withdrawals().claimAllReady().send();
            println("     claimed %s for requests %s in %d transaction (batchClaimWithdraw)", claimed.amount(), claimed.requestIds(),
                    claimed.transactionCount());

            LiquidPositions positions = etherFi.positions();
            for (LiquidPosition p : positions.holdings()) {
                println("     grace holds %s (worth %s)", p.balance(), p.value());
            }
        }
        return step + 1;
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
