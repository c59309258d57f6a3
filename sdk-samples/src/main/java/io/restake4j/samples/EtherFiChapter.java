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
import io.restake4j.liquid.LiquidResult;
import io.restake4j.liquid.WithdrawalRequest;
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

        println("");
        println("%d. ether.fi, staking as grace (the devnet's ether.fi fixtures; mainnet uses the real contracts)", step);
        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(grace))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            EtherFi etherFi = client.etherFi();

            LiquidResult staked = etherFi.stake(Amount.parse("5", Token.ETH)).send();
            println("     staked 5 ETH: %s minted for %s shares (Transfer / TransferShares events)", staked.amount(),
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
                    Amount.ofWei(rates.weEthRate(), etherFi.eETH()).toPlainString(),
                    Amount.ofWei(rates.totalPooledEther(), Token.ETH), rates.totalShares());

            LiquidResult unwrapped = etherFi.unwrap(Amount.parse("1", etherFi.weETH())).send();
            println("     unwrapped 1 weETH into %s", unwrapped.amount());

            try {
                etherFi.requestWithdrawal(Amount.parse("0.0001", etherFi.eETH()));
            } catch (InvalidInputException tooSmall) {
                println("     a tiny request is refused before signing: %s", tooSmall.getMessage());
            }
            LiquidResult requested = etherFi.requestWithdrawal(Amount.parse("3", etherFi.eETH())).send();
            BigInteger id = requested.requestIds().get(0);
            println("     requested the withdrawal of %s: request #%s (%d transactions: approval + request)", requested.amount(), id,
                    requested.transactionCount());
            WithdrawalRequest pending = etherFi.requests().get(0);
            println("     request #%s is %s, position %s in the queue", pending.id(), pending.status(), pending.queuePosition());
            try {
                etherFi.claim(id);
            } catch (InvalidInputException early) {
                println("     claiming now is refused before signing: %s", early.getMessage());
            }

            fixtures.finalize(id);
            WithdrawalRequest finalized = etherFi.requests().get(0);
            println("     the devnet oracle finalized it: %s, claimable %s", finalized.status(), finalized.claimable());
            LiquidResult claimed = etherFi.claim(id).send();
            println("     claimed %s for request(s) %s, fee %s ETH", claimed.amount(), claimed.requestIds(),
                    Amount.ofWei(claimed.feesPaidWei(), Token.ETH).toPlainString());

            List<LiquidPosition> positions = etherFi.positions();
            for (LiquidPosition p : positions) {
                println("     grace holds %s (worth %s)", p.balance(), p.ethValue());
            }
        }
        return step + 1;
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
