package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.network.Network;
import io.restake4j.rocketpool.DepositConditions;
import io.restake4j.rocketpool.RocketPool;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The Rocket Pool chapter of the main sample: deposit ETH for rETH (the deposit fee shown by the preview), a
 * rewards report raising rETH's rate, a burn for ETH, and a burn refused before signing because rETH's
 * collateral cannot cover it, on the devnet's Rocket Pool fixtures through {@code client.rocketPool()}.
 *
 * <pre>{@code
 * int next = RocketPoolChapter.run(devnet, 7);
 * }</pre>
 */
final class RocketPoolChapter {

    private RocketPoolChapter() {
    }

    static int run(Devnet devnet, int step) throws Exception {
        RocketPoolDevnet fixtures = devnet.rocketPool();
        Credentials carol = devnet.account(2);

        println("");
        println("%d. Rocket Pool, staking as carol (the devnet's Rocket Pool fixtures; the client only knows RocketStorage)",
                step);
        try (Restaking client = Restaking.builder()
                .rpc(devnet.rpcUrl())
                .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                .signer(Signer.of(carol))
                .receiptPollInterval(Duration.ofMillis(5))
                .build()) {
            RocketPool rp = client.rocketPool();
            println("     RocketStorage %s -> rETH %s, deposit pool %s", short_(rp.rocketStorage()), short_(rp.rETH().address()),
                    short_(rp.depositPool()));
            DepositConditions conditions = rp.depositConditions();
            println("     deposits %s: minimum %s, room left %s, fee %s%%", conditions.enabled() ? "open" : "closed",
                    conditions.minimumDeposit(), conditions.maximumDepositAmount(),
                    new java.math.BigDecimal(conditions.fee()).movePointLeft(16).stripTrailingZeros().toPlainString());

            Operation<LiquidResult> deposit = rp.deposit(Amount.parse("8", Token.ETH));
            Preview preview = deposit.preview();
            println("     preview of the deposit: fee %s, expected %s; nothing signed",
                    preview.quote(RocketPool.DEPOSIT_FEE_QUOTE).orElseThrow().amount(),
                    preview.quote(RocketPool.EXPECTED_RETH_QUOTE).orElseThrow().amount());
            LiquidResult minted = deposit.send();
            println("     deposited 8 ETH: %s minted, fee %s", minted.amount(), minted.fee().orElseThrow());

            BigInteger total = fixtures.totalEthBalance().signum() == 0
                    ? minted.amount().wei().add(BigInteger.TEN.pow(17)) : fixtures.totalEthBalance();
            fixtures.report(total);
            println("     the oracle reports %s behind the rETH supply: 1 rETH = %s", Amount.ofWei(total, Token.ETH),
                    Amount.ofWei(rp.rates().exchangeRate(), Token.ETH));
            LiquidPosition position = rp.positions().of(rp.rETH());
            println("     carol holds %s worth %s", position.balance(), position.value());

            LiquidResult burnt = rp.burn(Amount.parse("2", rp.rETH())).send();
            println("     burnt 2 rETH for %s", burnt.amount());

            BigInteger heldByReth = devnet.web3j().ethGetBalance(rp.rETH().address(), DefaultBlockParameterName.LATEST).send()
                    .getBalance();
            fixtures.assignToValidators(rp.totalCollateral().wei().subtract(heldByReth)); // the pool's excess
            try {
                rp.burn(Amount.parse("1", rp.rETH()));
            } catch (InvalidInputException refused) {
                println("     with the pool's ETH staked on validators, a burn is refused before signing: %s",
                        refused.getMessage());
            }
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
