package io.restake4j.samples;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.Restaking;
import io.restake4j.contracts.common.ERC20;
import io.restake4j.contracts.common.Multicall3;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.network.Network;
import io.restake4j.read.MulticallReader;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.signer.Signer;
import io.restake4j.tokens.TransferResult;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * The main sample: starts the embedded devnet and shows restake4j working end to end, printed as a
 * short story: tokens and the client, EigenLayer's staker cycle, the liquid staking tokens (Lido,
 * ether.fi, Rocket Pool), then a Symbiotic vault and Karak (v1 and v2).
 *
 * <pre>{@code
 * mvn -B -Psample -DskipTests verify
 * }</pre>
 */
public final class MainSample {

    private MainSample() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        try (Devnet devnet = Devnet.start()) {
            long startedMs = (System.nanoTime() - t0) / 1_000_000;
            Credentials alice = devnet.account(0);
            Credentials bob = devnet.account(1);
            Credentials carol = devnet.account(2);
            Credentials dave = devnet.account(3);

            println("restake4j main sample, on the embedded devnet");
            println("  anvil at %s, chain id %d, ready in %d ms (log: %s)", devnet.rpcUrl(), devnet.chainId(),
                    startedMs, devnet.logFile());
            println("  Multicall3 at %s", Devnet.MULTICALL3_ADDRESS);
            println("");

            // 1. Deploy the ERC-20 + EIP-2612 token fixture and read its metadata through the generated wrapper.
            TestToken fixture = devnet.deployToken("Devnet USD", "dUSD", 6);
            ERC20 reader = ERC20.load(fixture.getContractAddress(), devnet.web3j(), devnet.transactionManager(alice),
                    devnet.gasProvider());
            Token dusd = Token.erc20(fixture.getContractAddress(), reader.call_symbol().send(),
                    reader.call_decimals().send().intValueExact());
            println("1. Deployed the token fixture %s", dusd);

            Amount minted = Amount.parse("1000000", dusd);
            fixture.send_mint(alice.getAddress(), minted.wei()).send();
            println("2. Minted %s %s to alice (%s)", minted.format(), dusd.symbol(), alice.getAddress());

            // 2. Transfers, sent as alice, each receipt's Transfer event decoded by the wrapper.
            ERC20 asAlice = ERC20.load(dusd.address(), devnet.web3j(), devnet.transactionManager(alice),
                    devnet.gasProvider());
            int step = 3;
            for (Object[] payment : new Object[][] {{bob, "bob", "2500.75"}, {carol, "carol", "100"}}) {
                Credentials to = (Credentials) payment[0];
                Amount amount = Amount.parse((String) payment[2], dusd);
                TransactionReceipt receipt = asAlice.send_transfer(to.getAddress(), amount.wei()).send();
                ERC20.TransferEventResponse event = ERC20.getTransferEvents(receipt).get(0);
                println("%d. alice paid %s %s %s: block %s, gas %,d, event Transfer(%s -> %s, %s)", step++, payment[1],
                        amount.format(), dusd.symbol(), receipt.getBlockNumber(), receipt.getGasUsed(),
                        shortAddress(event.from), shortAddress(event.to), Amount.ofWei(event.value, dusd));
            }

            // 3. Every balance, ETH and dUSD, for four accounts, in one Multicall3 batch at one block.
            String[] names = {"alice", "bob", "carol", "dave"};
            List<Credentials> who = List.of(alice, bob, carol, dave);
            ReadBatch batch = MulticallReader.create(devnet.web3j()).newBatch();
            List<Read<BigInteger>> eth = new ArrayList<>();
            List<Read<BigInteger>> tokens = new ArrayList<>();
            for (Credentials c : who) {
                eth.add(batch.add(Multicall3::load, Devnet.MULTICALL3_ADDRESS, m -> m.call_getEthBalance(c.getAddress())));
                tokens.add(batch.add(ERC20::load, dusd.address(), e -> e.call_balanceOf(c.getAddress())));
            }
            Read<BigInteger> supply = batch.add(ERC20::load, dusd.address(), ERC20::call_totalSupply);
            Read<BigInteger> block = batch.add(Multicall3::load, Devnet.MULTICALL3_ADDRESS, Multicall3::call_getBlockNumber);
            int requests = batch.execute();

            println("%d. Balances at block %s: %d reads in %d eth_call (Multicall3 aggregate3)", step, block.get(),
                    batch.size(), requests);
            println("     %-7s %-44s %26s %18s", "account", "address", "ETH", dusd.symbol());
            for (int i = 0; i < who.size(); i++) {
                println("     %-7s %-44s %26s %18s", names[i], who.get(i).getAddress(),
                        Amount.ofWei(eth.get(i).get(), Token.ETH).format(), Amount.ofWei(tokens.get(i).get(), dusd).format());
            }
            Amount total = Amount.ofWei(supply.get(), dusd);
            Amount held = Amount.zero(dusd);
            for (Read<BigInteger> r : tokens) {
                held = held.plus(Amount.ofWei(r.get(), dusd));
            }
            println("     total supply %s %s; held by these four: %s %s%s", total.format(), dusd.symbol(), held.format(),
                    dusd.symbol(), total.equals(held) ? " (all of it)" : "");

            // 4. The same through the restake4j client: every write simulated before it is signed.
            println("");
            println("%d. The restake4j client, signing as bob", ++step);
            try (Restaking client = Restaking.builder()
                    .rpc(devnet.rpcUrl())
                    .network(Network.of("devnet", devnet.chainId(), devnet.addresses().asMap()))
                    .signer(Signer.of(bob))
                    .receiptPollInterval(Duration.ofMillis(5))
                    .build()) {
                Token token = client.tokens().token(dusd.address());
                Operation<TransferResult> pay = client.tokens().transfer(Amount.parse("500.25", token), dave.getAddress());
                Preview preview = pay.preview();
                println("     preview (%s, nothing signed): %s, gas %,d, expected fee %s ETH", preview.method(),
                        preview.wouldSucceed() ? "would succeed" : "would revert", preview.steps().get(0).gasUsed(),
                        Amount.ofWei(preview.expectedFeeWei(), Token.ETH).toPlainString());
                TransferResult paid = pay.withListener(e -> println("     %-9s %s", e.stage(),
                        e.transactionHash() == null ? "" : e.transactionHash())).send();
                println("     bob paid dave %s (Transfer event), fee %s ETH", paid.amount(),
                        Amount.ofWei(paid.feesPaidWei(), Token.ETH).toPlainString());
                try {
                    client.tokens().transfer(Amount.parse("1000000", token), dave.getAddress()).send();
                } catch (InvalidInputException rejected) {
                    println("     an overdraft is refused before signing: %s", rejected.getMessage());
                }
                println("     dave now holds %s", client.tokens().balance(token, dave.getAddress()));
            }

            // 5. EigenLayer: a staker's full cycle.
            step = EigenLayerChapter.run(devnet, step + 1);

            // 6. Liquid staking: Lido, ether.fi, Rocket Pool.
            step = LidoChapter.run(devnet, step);
            step = EtherFiChapter.run(devnet, step);
            step = RocketPoolChapter.run(devnet, step);

            // 7. Symbiotic: a wstETH vault, an epoch, a slash, a claim, staker rewards.
            step = SymbioticChapter.run(devnet, step);

            // 8. Karak: v1 through the supervisor, a migration to a v2 operator vault, a slash, a redeem.
            step = KarakChapter.run(devnet, step);
        }
        println("");
        println("Devnet stopped. Done.");
    }

    private static String shortAddress(String address) {
        return address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }

    private static void println(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
