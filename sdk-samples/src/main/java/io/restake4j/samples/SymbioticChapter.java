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
import io.restake4j.symbiotic.SymbioticQueueResult;
import io.restake4j.symbiotic.SymbioticRedeemRequest;
import io.restake4j.symbiotic.SymbioticVaultV2;
import io.restake4j.symbiotic.SymbioticVaultV2Position;
import io.restake4j.symbiotic.SymbioticRewardsResult;
import io.restake4j.symbiotic.SymbioticStakerRewards;
import io.restake4j.symbiotic.SymbioticVault;
import io.restake4j.symbiotic.SymbioticVaultPosition;
import io.restake4j.symbiotic.SymbioticVaultResult;
import io.restake4j.symbiotic.SymbioticWithdrawal;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;
import io.restake4j.vaults.VaultResult;

/**
 * The Symbiotic chapter of the main sample: a wstETH vault on the devnet's Symbiotic fixtures (a network with its
 * middleware, an operator, a NetworkRestakeDelegator and an instant Slasher), a deposit through
 * {@code client.symbiotic()}, a withdrawal into the next epoch's bucket, a slash that takes active stake and the
 * pending withdrawal pro rata, a claim refused before its epoch has ended and paid after it, a staker rewards
 * claim; then a Core V2 vault: an ERC-4626 deposit, an instant exit refused above {@code withdrawable()}, a queued
 * redemption filled in two parts, and its claims.
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
        Credentials grace = devnet.account(8);
        Credentials network = devnet.account(5);
        Credentials middleware = devnet.account(6);
        Credentials operator = devnet.account(7);

        println("");
        println("%d. Symbiotic, restaking wstETH as grace (the devnet's Symbiotic fixtures; the client knows the VaultFactory)",
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
                .signer(Signer.of(grace))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("12", Token.ETH)).send();
            lido.wrap(Amount.parse("10", lido.stETH())).send();
            Token wstEth = lido.wstETH();
            List<String> vaults = client.symbiotic().vaults(wstEth);
            SymbioticVault vault = client.symbiotic().vault(vaultAddress);
            println("     the VaultFactory has %d wstETH vault(s); this one is version %d", vaults.size(), vault.version());

            Amount held = client.tokens().balance(wstEth, grace.getAddress());
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
            println("     rewards distributed (10%% admin fee): grace can claim %s", rewards.claimable(nrw, network.getAddress()));
            SymbioticRewardsResult paid = rewards.claim(nrw, network.getAddress()).send();
            println("     claimed %s over %s distribution(s)", paid.amount(), paid.distributions());

            coreV2(devnet, fixtures, client, grace, network, operator);
        }
        return step + 1;
    }

    /**
     * A Core V2 vault of a 6-decimals dollar token: a deposit (18-decimals shares), the curator allocating most of it
     * to an app adapter, a queued redemption that fills in part at once, a claim of that part, a sweep once the
     * adapter's release delay has passed, and the final claim.
     */
    private static void coreV2(Devnet devnet, SymbioticDevnet fixtures, Restaking client, Credentials staker,
            Credentials network, Credentials operator) throws Exception {
        TestToken dollars = devnet.deployToken("Devnet USD", "dUSD", 6);
        dollars.send_mint(staker.getAddress(), BigInteger.valueOf(1_000_000_000L)).send(); // 1,000 dUSD
        String v2Address = fixtures.createVaultV2(SymbioticDevnet.VaultV2Spec.of(dollars.getContractAddress(),
                "Symbiotic dUSD", "sdUSD"));
        Duration release = Duration.ofDays(3);
        String adapter = fixtures.addAppAdapter(v2Address, SymbioticDevnet.subnetwork(network.getAddress(), 0),
                operator.getAddress(), release, BigInteger.valueOf(10_000_000_000L));
        SymbioticVaultV2 v2 = (SymbioticVaultV2) client.symbiotic().open(v2Address);
        Token dusd = v2.asset();
        println("     a Core V2 vault (version %d, ERC-4626) of dUSD: %d-decimals shares over a %d-decimals asset",
                v2.version(), v2.shareToken().decimals(), dusd.decimals());
        VaultResult in = v2.deposit(Amount.parse("500", dusd)).send();
        println("     deposited %s for %s", in.assets(), in.shares());
        fixtures.allocate(v2Address, adapter, BigInteger.valueOf(400_000_000L));
        SymbioticVaultV2Position p = v2.position();
        println("     the curator allocates 400 to an app adapter: %s free, %s can leave at once (withdrawable)",
                p.freeAssets(), p.withdrawable());
        try {
            v2.withdraw(Amount.parse("300", dusd)).send();
        } catch (InvalidInputException tooMuch) {
            println("     an instant withdrawal of 300 is refused before signing: %s", tooMuch.getMessage());
        }
        SymbioticQueueResult queued = v2.requestRedeem(Amount.ofWei(in.shares().wei().multiply(BigInteger.valueOf(3))
                .divide(BigInteger.valueOf(5)), v2.shareToken())).send();
        BigInteger ticket = queued.tokenIds().get(0);
        SymbioticRedeemRequest r = v2.request(ticket);
        println("     queued %s shares: ticket %s, %s filled at once, then %s", queued.shares(), ticket, r.claimableAssets(),
                r.status());
        println("     claimed %s now; the rest waits: %s", v2.claim(ticket).send().assets(), v2.request(ticket).readiness());
        devnet.advanceTime(release.plusSeconds(1));
        println("     after the adapter's %d-day release delay, a sweep fills %s", release.toDays(), v2.sweep().send().assets());
        println("     and the second claim pays %s", v2.claim(ticket).send().assets());
    }

    private static String short_(String hex) {
        return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
