package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.KarakDevnet;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.karak.Karak;
import io.restake4j.karak.KarakExposure;
import io.restake4j.karak.KarakPosition;
import io.restake4j.karak.KarakRedeem;
import io.restake4j.karak.KarakResult;
import io.restake4j.karak.KarakV2Vault;
import io.restake4j.karak.KarakWithdrawal;
import io.restake4j.lido.Lido;
import io.restake4j.network.Network;
import io.restake4j.signer.Signer;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The Karak chapter of the main sample, on the devnet's Karak fixtures: wstETH into a v1 vault through the
 * VaultSupervisor (with {@code minSharesOut} from the quote), a v1 withdrawal with its unlock time, refused early and
 * finished after the delay; then Karak v2: an operator's vault staked in a DSS, a v1 -> v2 migration (probed first),
 * the exposure while a slashing is pending, the slash, a redeem paid at the finish-time rate, and the positions across
 * both systems in a few batched reads.
 *
 * <pre>{@code
 * int next = KarakChapter.run(devnet, 12);
 * }</pre>
 */
final class KarakChapter {

    private KarakChapter() {
    }

    static int run(Devnet devnet, int step) throws Exception {
        KarakDevnet karak = devnet.karak();
        // accounts 0..8 have their roles in the chapters before, and 9 is the deployer, which drives the fixtures
        Credentials ivan = funded(devnet, 0x4a10, 20);
        Credentials operator = funded(devnet, 0x4a11, 10);
        Credentials dss = funded(devnet, 0x4a12, 10);

        println("");
        println("%d. Karak, restaking wstETH as ivan, a key of the sample's own (the devnet's Karak v1.3 and v2 fixtures)", step);
        String v1Vault = karak.createVault(devnet.lido().wstETH(), BigInteger.TEN.pow(24));
        karak.allowlistAsset(devnet.lido().wstETH());
        String v2Address = karak.deployOperatorVault(operator, devnet.lido().wstETH(), "Karak v2 wstETH", "kv2wstETH", null);
        karak.registerDss(dss, BigInteger.TEN.pow(19).multiply(BigInteger.valueOf(3)));
        karak.registerOperatorToDss(operator, dss.getAddress());
        karak.stakeVaultInDss(operator, v2Address, dss.getAddress());
        println("     a v1 vault of wstETH; an operator's v2 vault of wstETH staked in a DSS that may slash up to 30 %");

        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(ivan))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            Lido lido = client.lido();
            lido.stake(Amount.parse("12", Token.ETH)).send();
            lido.wrap(Amount.parse("10", lido.stETH())).send();
            Token wstEth = lido.wstETH();
            Karak k = client.karak();

            KarakResult in = k.deposit(v1Vault, Amount.parse("6", wstEth), 50).send();
            println("     v1: deposited %s through the VaultSupervisor for %s (minSharesOut: the quote less 0.5 %%)",
                    in.assets(), Amount.ofWei(in.shares(), client.tokens().token(v1Vault)));
            k.startWithdraw(v1Vault, in.shares().divide(BigInteger.valueOf(3))).send();
            KarakWithdrawal w = k.withdrawals().get(0);
            println("     v1: a withdrawal of %s started; %s", w.requested().get(0), w.readiness());
            try {
                k.finishWithdraw(w).send();
            } catch (InvalidInputException early) {
                println("     finishing now is refused before signing: %s", early.getMessage());
            }
            karak.advancePastWithdrawalDelay();
            println("     after the %d-day delay it pays %s", karak.withdrawalDelay().toDays(), k.finishWithdraw(w).send().assets());

            KarakV2Vault v2 = k.v2Vault(v2Address);
            println("     v2: the supervisor %s migrateToV2 (probed with one read)", k.supportsMigrationToV2() ? "has" : "lacks");
            BigInteger credit = k.deposits().get(0).shares();
            KarakResult moved = k.migrateToV2(v1Vault, credit.divide(BigInteger.TWO), v2, 50).send();
            println("     migrated %s straight into operator %s's v2 vault: %s, in one transaction, no delay",
                    moved.assets(), short_(v2.operator()), Amount.ofWei(moved.shares(), v2.shareToken()));
            KarakResult more = v2.deposit(Amount.parse("2", wstEth), 50).send();
            println("     deposited %s more into the v2 vault (%d transactions: approve, deposit)", more.assets(),
                    more.transactionCount());

            KarakDevnet.Slashing slashing = karak.requestSlashing(dss, operator.getAddress(), List.of(v2Address),
                    List.of(BigInteger.TEN.pow(19)));
            KarakExposure e = v2.exposure();
            for (KarakExposure.DssStake d : e.stakedIn()) {
                println("     exposure: staked in DSS %s (max %s %% per request)", short_(d.dss()),
                        d.maxSlashablePercentWad().divide(BigInteger.TEN.pow(18)));
            }
            for (KarakExposure.PendingSlashing p : e.pendingSlashings()) {
                println("     a slashing of %s %% is pending; the veto window ends at %s",
                        p.percentWad().divide(BigInteger.TEN.pow(18)), p.finalizableAt());
            }
            Amount shares = Amount.ofWei(v2.position().shares().wei().divide(BigInteger.TWO), v2.shareToken());
            KarakResult started = v2.startRedeem(shares).send();
            KarakRedeem r = v2.redeems().get(0);
            println("     started the redeem of %s (%d transactions: the shares' self-approval, startRedeem), estimated %s; %s",
                    shares, started.transactionCount(), started.assets(), r.readiness());
            karak.finalizeSlashing(slashing);
            devnet.advanceTime(KarakV2Vault.MIN_WITHDRAWAL_DELAY);
            KarakRedeem ready = v2.redeems().get(0);
            println("     the slash of 10 %% landed during the delay: the redeem now pays %s", ready.assets());
            println("     finished: paid %s", v2.finishRedeem(ready).send().assets());

            println("     positions across v1 and v2:");
            for (KarakPosition p : k.positions(ivan.getAddress(), v2Address)) {
                println("       %-18s %s  %s  worth %s", p.kind(), short_(p.vault()), p.shares().toPlainString(), p.assets());
            }
        }
        return step + 1;
    }

    /** A fixed key of the sample's own (not one of the devnet's accounts), holding {@code ether} ETH. */
    private static Credentials funded(Devnet devnet, int seed, long ether) {
        Credentials c = Credentials.create(String.format("0x%064x", BigInteger.valueOf(0x5a3b1e0000L + seed)));
        devnet.setBalance(c.getAddress(), BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(ether)));
        return c;
    }

    private static String short_(String hex) {
        return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
