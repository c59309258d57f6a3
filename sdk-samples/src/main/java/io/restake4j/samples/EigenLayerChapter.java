package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.EigenLayerDevnet;
import io.restake4j.eigenlayer.DepositResult;
import io.restake4j.eigenlayer.EigenLayer;
import io.restake4j.eigenlayer.PendingWithdrawal;
import io.restake4j.eigenlayer.Position;
import io.restake4j.eigenlayer.ReceiveAs;
import io.restake4j.eigenlayer.RewardsClaimed;
import io.restake4j.eigenlayer.WithdrawalsCompleted;
import io.restake4j.eigenlayer.rewards.RewardsEarnings;
import io.restake4j.eigenlayer.rewards.RewardsProof;
import io.restake4j.eigenlayer.rewards.RewardsTree;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The EigenLayer chapter of the main sample: a staker's full cycle on the devnet's EigenLayer fixtures
 * (deposit, delegate, a slash, queue, wait, complete, claim rewards), through {@code client.eigenLayer()}.
 *
 * <pre>{@code
 * int next = EigenLayerChapter.run(devnet, 5);
 * }</pre>
 */
final class EigenLayerChapter {

    private EigenLayerChapter() {
    }

    static int run(Devnet devnet, int step) throws Exception {
        EigenLayerDevnet fixtures = devnet.eigenLayer();
        Credentials alice = devnet.account(0);
        Credentials bob = devnet.account(1);
        Credentials operator = devnet.account(4);
        Credentials avs = devnet.account(5);
        BigInteger ether = BigInteger.TEN.pow(18);

        println("");
        println("%d. EigenLayer, staking as alice (the devnet's EigenLayer fixtures; mainnet presets use the real contracts)", step);
        fixtures.stakeStETHFor(alice.getAddress(), ether.multiply(BigInteger.valueOf(100)));
        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(alice))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            EigenLayer el = client.eigenLayer();
            Token stEth = client.tokens().token(fixtures.stETH());
            String strategy = el.strategyFor(stEth);

            var deposit = el.deposit(Amount.parse("100", stEth));
            Preview preview = deposit.preview();
            println("     preview: %d transactions (%s), gas limit %,d, nothing signed", preview.steps().size(),
                    String.join(" + ", preview.steps().stream().map(s -> s.step().description().split(" ")[0]).toList()),
                    preview.totalGasLimit());
            DepositResult d = deposit.send();
            println("     deposited %s into strategy %s: %s", d.amount(), short_(strategy), d.shares());

            fixtures.registerOperator(operator, null);
            el.delegateTo(operator.getAddress()).send();
            println("     delegated to operator %s", short_(operator.getAddress()));

            fixtures.slashOperator(avs, operator, strategy, ether.divide(BigInteger.TEN));
            Position p = el.positions().in(strategy).orElseThrow();
            println("     an AVS slashed the operator 10%%: deposit shares %s, withdrawable %s (= %s), slashed %s",
                    p.depositShares(), p.withdrawableShares().value(), p.underlying().orElseThrow(), p.slashedShares().value());

            PendingWithdrawal w = el.withdrawals().queueAll(strategy).send().withdrawals().get(0);
            println("     queued withdrawal %s; completable from block %d (delay %d blocks)", short_(w.root()),
                    w.firstCompletableBlock(), fixtures.withdrawalDelayBlocks());
            try {
                el.withdrawals().complete(w, ReceiveAs.TOKENS).send();
            } catch (InvalidInputException early) {
                println("     completing now is refused before signing: %s", early.getMessage());
            }
            long latest = devnet.blockNumber().longValueExact();
            devnet.mine(w.firstCompletableBlock() - 1 - latest);
            PendingWithdrawal ready = el.withdrawals().awaitClaimable(w, Duration.ofSeconds(10));
            println("     after %d blocks: %s, it pays %s", fixtures.withdrawalDelayBlocks(), ready.readiness(), ready.claimable());
            WithdrawalsCompleted done = el.withdrawals().claimAllReady().send();
            println("     completed as tokens, alice received %s (what the withdrawable shares promised)", done.received(stEth));

            RewardsTree tree = RewardsTree.build(RewardsEarnings.builder()
                    .add(alice.getAddress(), stEth.address(), ether.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO))
                    .add(bob.getAddress(), stEth.address(), ether)
                    .build());
            fixtures.stakeStETHFor(fixtures.rewardsCoordinator(), ether.multiply(BigInteger.valueOf(5)).divide(BigInteger.TWO));
            long now = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                    .getTimestamp().longValueExact();
            long index = fixtures.postRewardsRoot(tree.root(), now - 1);
            devnet.advanceTime(fixtures.rewardsActivationDelay().plusSeconds(1));
            RewardsClaimed paid = el.rewards().claim(new RewardsProof(tree.root(), tree.claim(index, alice.getAddress())),
                    alice.getAddress()).send();
            println("     rewards root #%d (%s) posted and active; alice claimed %s", index, short_(tree.rootHex()),
                    Amount.ofWei(paid.claimed().get(stEth.address().toLowerCase(Locale.ROOT)), stEth));
            println("     alice now holds %s", client.tokens().balance(stEth, alice.getAddress()));
        }
        return step + 1;
    }

    private static String short_(String hex) {
        return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
