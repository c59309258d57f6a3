package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.SymbioticDevnet;
import io.restake4j.devnet.SymbioticDevnet.VaultSpec;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.devnet.fixtures.symbiotic.Slasher;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.lido.Lido;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.symbiotic.SymbioticExposure;
import io.restake4j.symbiotic.SymbioticRewardsResult;
import io.restake4j.symbiotic.SymbioticStakerRewards;
import io.restake4j.symbiotic.SymbioticVault;
import io.restake4j.symbiotic.SymbioticVaultPosition;
import io.restake4j.symbiotic.SymbioticVaultResult;
import io.restake4j.symbiotic.SymbioticWithdrawal;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The Symbiotic chapter of the main sample: a wstETH vault on the devnet's Symbiotic fixtures (a network with its
 * middleware, an operator, a NetworkRestakeDelegator and an instant Slasher), a deposit through
 * {@code client.symbiotic()}, a withdrawal into the next epoch's bucket, a slash that takes active stake and the
 * pending withdrawal pro rata, a claim refused before its epoch has ended and paid after it, and a staker rewards
 * claim.
 *
 * <pre>{@code
 * int next = SymbioticChapter.run(devnet, 9);
 * }</pre>
 */
final class SymbioticChapter {

    private SymbioticChapter() {
    }

    static int run(Devnet devnet, int step) throws Exception {
        SymbioticDevnet fixtures = devnet.symbiotic();
        Credentials erin = devnet.account(8);
        Credentials network = devnet.account(5);
        Credentials middleware = devnet.account(6);
        Credentials operator = devnet.account(7);

        println("");
        println("%d. Symbiotic, restaking wstETH as frank (the devnet's Symbiotic fixtures; the client knows the VaultFactory)",
                step);
        String vaultAddress = fixtures.createVault(VaultSpec.of(devnet.lido().wstETH(), Duration.ofDays(7)));
        fixtures.attachNetworkRestakeDelegator(vaultAddress);
        String slasher = fixtures.attachSlasher(vaultAddress);
        fixtures.registerNetwork(network, middleware.getAddress());
        fixtures.registerOperator(operator, vaultAddress, network.getAddress());
        fixtures.setNetworkLimit(vaultAddress, network, 0, BigInteger.TEN.pow(21));
        byte[] subnetwork = SymbioticDevnet.subnetwork(network.getAddress(), 0);
        fixtures.setOperatorNetworkShares(vaultAddress, subnetwork, operator.getAddress(), BigInteger.ONE);
        String rewardsAddress = fixtures.createStakerRewards(vaultAddress, 1_000);
        println("     a v1 vault of wstETH with 7-day epochs, a network, an operator, a delegator, a slasher, staker rewards");

        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(erin))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("12", Token.ETH)).send();
            lido.wrap(Amount.parse("10", lido.stETH())).send();
            Token wstEth = lido.wstETH();
            List<String> vaults = client.symbiotic().vaults(wstEth);
            SymbioticVault vault = client.symbiotic().vault(vaultAddress);
            println("     the VaultFactory has %d wstETH vault(s); this one is version %d", vaults.size(), vault.version());

            Amount held = client.tokens().balance(wstEth, erin.getAddress());
            SymbioticVaultResult in = vault.deposit(held).send();
            println("     deposited %s: %s active shares (%d transactions: approve, deposit)", in.amount(), in.activeShares(),
                    in.transactionCount());
            for (SymbioticExposure e : vault.exposure()) {
                println("     exposure: network %s caps %s, the curator allows %s, operator %s holds %s", short_(e.network()),
                        e.maxNetworkLimit(), e.networkLimit(), short_(e.operators().get(0).operator()),
                        e.operators().get(0).stake());
            }

            Amount out = Amount.parse("3", wstEth);
            SymbioticVaultResult w = vault.withdraw(out).send();
            SymbioticWithdrawal bucket = vault.withdrawal(w.epoch().orElseThrow());
            println("     asked for %s back: bucket of epoch %s, claimable from %s", w.amount(), w.epoch().orElseThrow(), bucket.unlocksAt());

            // the network's middleware slashes the operator for 1 wstETH, captured a minute ago
            devnet.advanceTime(Duration.ofMinutes(2));
            BigInteger now = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                    .getTimestamp();
            Slasher.load(slasher, devnet.web3j(), devnet.transactionManager(middleware), devnet.gasProvider())
                    .send_slash(subnetwork, operator.getAddress(), BigInteger.TEN.pow(18), now.subtract(BigInteger.valueOf(60)),
                            new byte[0]).send();
            SymbioticVaultPosition p = vault.position();
            println("     after a 1 wstETH slash: active %s, pending %s (the bucket took its share), slashes seen: %d",
                    p.activeBalance(), vault.withdrawal(w.epoch().orElseThrow()).amount(), vault.slashes().size());

            try {
                vault.claim(w.epoch().orElseThrow()).send();
            } catch (InvalidInputException early) {
                println("     claiming now is refused before signing: %s", early.getMessage());
            }
            fixtures.advanceEpochs(vaultAddress, 2);
            SymbioticVaultResult claimed = vault.claim(w.epoch().orElseThrow()).send();
            println("     two epochs later, claimed %s", claimed.amount());

            // the network pays 5 of a reward token to the vault's stakers, for the stake a minute ago
            TestToken reward = devnet.deployToken("Network reward", "NRW", 18);
            reward.send_mint(middleware.getAddress(), BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(5))).send();
            devnet.advanceTime(Duration.ofMinutes(2));
            BigInteger at = devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                    .getTimestamp().subtract(BigInteger.valueOf(60));
            fixtures.distributeRewards(rewardsAddress, middleware, network.getAddress(), reward.getContractAddress(),
                    BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(5)), at);
            SymbioticStakerRewards rewards = client.symbiotic().stakerRewards(rewardsAddress);
            Token nrw = client.tokens().token(reward.getContractAddress());
            println("     rewards distributed (10%% admin fee): frank can claim %s", rewards.claimable(nrw, network.getAddress()));
            SymbioticRewardsResult paid = rewards.claim(nrw, network.getAddress()).send();
            println("     claimed %s over %s distribution(s)", paid.amount(), paid.distributions());
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
