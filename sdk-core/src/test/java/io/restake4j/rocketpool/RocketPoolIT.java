package io.restake4j.rocketpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restake4j.testing.DevnetAccounts.balance;
import static io.restake4j.testing.DevnetAccounts.eth;
import static io.restake4j.testing.DevnetAccounts.nonce;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

import io.restake4j.Restaking;
import io.restake4j.devnet.Account;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.RocketPoolDevnet;
import io.restake4j.devnet.fixtures.rocketpool.RocketTokenRETH;
import io.restake4j.errors.DecodedRevert;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.SimulationRevertedException;
import io.restake4j.liquid.LiquidPosition;
import io.restake4j.liquid.LiquidPositions;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.testing.CountingHttpService;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * client.rocketPool() on the devnet's Rocket Pool fixtures: deposits and burns with exact wei at rates moved up
 * and down by reports, conversions against the contract, positions in one round trip, and every refusal before
 * signing (nothing sent: the nonce does not move).
 */
@DevnetTest
class RocketPoolIT {

    private static final BigInteger ETH = BigInteger.TEN.pow(18);
    private static final BigInteger FEE = new BigInteger("500000000000000"); // the devnet's 0.05%

    /** floor(a * b / c), Rocket Pool's rounding. */
    private static BigInteger mulDiv(BigInteger a, BigInteger b, BigInteger c) {
        return a.multiply(b).divide(c);
    }

    /** rETH minted for a deposit of {@code value} over {@code total} ETH and {@code supply} rETH reported. */
    private static BigInteger minted(BigInteger value, BigInteger total, BigInteger supply) {
        BigInteger net = value.subtract(mulDiv(value, FEE, ETH));
        return supply.signum() == 0 ? net : mulDiv(net, supply, total);
    }

    @Test
    void depositAndBurnExactlyAtRatesUpAndDown(Devnet devnet, @Account(4) Credentials alice) throws Exception {
        RocketPoolDevnet fixtures = devnet.rocketPool();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            RocketPool rp = client.rocketPool();
            assertEquals(fixtures.rETH(), rp.rETH().address());
            assertEquals(fixtures.depositPool(), rp.depositPool(), "found through RocketStorage");
            assertEquals(fixtures.networkBalances(), rp.networkBalances());
            assertEquals(fixtures.depositSettings(), rp.depositSettings());
            RocketTokenRETH reth = RocketTokenRETH.load(fixtures.rETH(), devnet.web3j(),
                    devnet.transactionManager(alice), devnet.gasProvider());

            // first deposit: no report yet, 1:1 net of the fee
            Operation<LiquidResult> first = rp.deposit(Amount.parse("10", Token.ETH));
            Preview preview = first.preview();
            assertEquals(Amount.ofWei(mulDiv(eth(10), FEE, ETH), Token.ETH),
                    preview.quote(RocketPool.DEPOSIT_FEE_QUOTE).orElseThrow().amount());
            assertEquals(Amount.ofWei(minted(eth(10), BigInteger.ZERO, BigInteger.ZERO), rp.rETH()),
                    preview.quote(RocketPool.EXPECTED_RETH_QUOTE).orElseThrow().amount());
            assertEquals(2, preview.quotes().size());
            LiquidResult r1 = first.send();
            assertEquals(new BigInteger("9995000000000000000"), r1.amount().wei());
            assertEquals(rp.rETH(), r1.amount().token());
            assertEquals(Amount.ofWei(new BigInteger("5000000000000000"), Token.ETH), r1.fee().orElseThrow());
            assertEquals(r1.amount().wei(), reth.call_balanceOf(alice.getAddress()).send());

            // rewards: the rate rises above 1
            BigInteger supply1 = reth.call_totalSupply().send();
            BigInteger total1 = new BigInteger("10500000000000000000");
            fixtures.report(total1);
            RocketPoolRates rates1 = rp.rates();
            assertEquals(new RocketPoolRates(total1, supply1), rates1);
            assertEquals(reth.call_getExchangeRate().send(), rates1.exchangeRate());
            BigInteger value2 = new BigInteger("7123456789012345678");
            BigInteger expected2 = minted(value2, total1, supply1);
            LiquidResult r2 = rp.deposit(Amount.ofWei(value2, Token.ETH)).send();
            assertEquals(expected2, r2.amount().wei());
            assertEquals(mulDiv(value2, FEE, ETH), r2.fee().orElseThrow().wei());
            assertEquals(expected2, r2.shares().value(), "rETH does not rebase: shares are the rETH");
            assertEquals(supply1.add(expected2), reth.call_balanceOf(alice.getAddress()).send());

            BigInteger burnt = eth(3);
            BigInteger ethOut = mulDiv(burnt, total1, supply1);
            BigInteger before = balance(devnet, alice);
            Operation<LiquidResult> burn = rp.burn(Amount.ofWei(burnt, rp.rETH()));
            assertEquals(Amount.ofWei(ethOut, Token.ETH), burn.preview().quote(RocketPool.EXPECTED_ETH_QUOTE).orElseThrow().amount());
            LiquidResult b1 = burn.send();
            assertEquals(Amount.ofWei(ethOut, Token.ETH), b1.amount());
            assertEquals(burnt, b1.shares().value());
            assertTrue(b1.fee().isEmpty());
            assertEquals(before.add(ethOut).subtract(b1.feesPaidWei()), balance(devnet, alice));

            // penalties: the rate falls below 1
            BigInteger supply2 = reth.call_totalSupply().send();
            BigInteger total2 = new BigInteger("12500000000000000001");
            fixtures.report(total2);
            assertTrue(rp.rates().exchangeRate().compareTo(ETH) < 0);
            BigInteger value3 = eth(2);
            LiquidResult r3 = rp.deposit(Amount.ofWei(value3, Token.ETH)).send();
            assertEquals(minted(value3, total2, supply2), r3.amount().wei());
            assertTrue(r3.amount().wei().compareTo(value3) > 0, "more rETH than ETH below a rate of 1");
            BigInteger all = reth.call_balanceOf(alice.getAddress()).send();
            BigInteger before2 = balance(devnet, alice);
            LiquidResult b2 = rp.burn(Amount.ofWei(all, rp.rETH())).send();
            assertEquals(mulDiv(all, total2, supply2), b2.amount().wei());
            assertEquals(before2.add(b2.amount().wei()).subtract(b2.feesPaidWei()), balance(devnet, alice));
            assertEquals(BigInteger.ZERO, reth.call_balanceOf(alice.getAddress()).send());
        }
    }

    @Test
    void conversionsAreTheContractsToTheWei(Devnet devnet, @Account(4) Credentials alice) throws Exception {
        RocketPoolDevnet fixtures = devnet.rocketPool();
        RocketTokenRETH reth = RocketTokenRETH.load(fixtures.rETH(), devnet.web3j(), devnet.transactionManager(alice),
                devnet.gasProvider());
        List<BigInteger> amounts = List.of(BigInteger.ONE, BigInteger.valueOf(7), new BigInteger("999999999999999999"), ETH,
                new BigInteger("1234567890123456789"), eth(31), new BigInteger("98765432109876543210987"));
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            RocketPool rp = client.rocketPool();
            List<BigInteger[]> reports = List.of(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO},
                    new BigInteger[] {BigInteger.TEN, BigInteger.valueOf(3)},
                    new BigInteger[] {new BigInteger("10500000000000000000"), new BigInteger("9995000000000000000")},
                    new BigInteger[] {new BigInteger("123456789012345678901234"), new BigInteger("130000000000000000000001")});
            for (BigInteger[] report : reports) {
                if (report[1].signum() > 0) {
                    fixtures.report(report[0], BigInteger.ZERO, report[1]);
                }
                assertEquals(reth.call_getExchangeRate().send(), rp.rates().exchangeRate());
                for (BigInteger wei : amounts) {
                    assertEquals(reth.call_getEthValue(wei).send(), rp.ethValue(Amount.ofWei(wei, rp.rETH())).wei(),
                            "getEthValue(" + wei + ") at " + report[0] + "/" + report[1]);
                    assertEquals(reth.call_getRethValue(wei).send(), rp.rethValue(Amount.ofWei(wei, Token.ETH)).wei(),
                            "getRethValue(" + wei + ") at " + report[0] + "/" + report[1]);
                }
            }
        }
    }

    @Test
    void positionIsOneBatchedRead(Devnet devnet, @Account(4) Credentials alice, @Account(5) Credentials bob)
            throws Exception {
        CountingHttpService transport = new CountingHttpService(devnet.rpcUrl());
        try (Restaking client = DevnetClients.client(devnet, alice, transport)) {
            RocketPool rp = client.rocketPool();
            rp.deposit(Amount.parse("4", Token.ETH)).send();
            BigInteger held = eth(4).subtract(mulDiv(eth(4), FEE, ETH));
            BigInteger total = new BigInteger("4100000000000000003");
            BigInteger supply = held.add(BigInteger.valueOf(12345)); // as if others held rETH too
            devnet.rocketPool().report(total, BigInteger.ZERO, supply);

            int building = transport.roundTrips();
            Operation<LiquidResult> more = rp.deposit(Amount.parse("1", Token.ETH));
            assertEquals(0, transport.roundTrips() - building, "building a deposit reads nothing");
            int previewing = transport.roundTrips();
            assertEquals(2, more.preview().quotes().size());
            assertEquals(2, transport.roundTrips() - previewing, "a preview: the fee and rate in one batched read (the"
                    + " deposit conditions are checks of the simulation), then the simulation: " + transport.log());
            rp.refreshAddresses();
            assertEquals(devnet.rocketPool().depositPool(), rp.depositPool());

            int trips = transport.roundTrips();
            int calls = transport.count("eth_call");
            LiquidPositions all = rp.positions();
            LiquidPosition mine = all.of(rp.rETH());
            assertEquals(1, transport.roundTrips() - trips, "one HTTP round trip");
            assertEquals(1, transport.count("eth_call") - calls, "one Multicall3 eth_call");
            assertEquals(Amount.ofWei(held, rp.rETH()), mine.balance());
            assertEquals(held, mine.shares().value());
            assertEquals(List.of(), all.openRequestIds());
            assertEquals(Amount.ofWei(mulDiv(held, total, supply), Token.ETH), mine.value());

            LiquidPosition none = rp.positions(bob.getAddress()).of(rp.rETH());
            assertEquals(BigInteger.ZERO, none.balance().wei());
            assertEquals(BigInteger.ZERO, none.value().wei());
        }
    }

    @Test
    void refusalsSendNothing(Devnet devnet, @Account(4) Credentials alice) throws Exception {
        RocketPoolDevnet fixtures = devnet.rocketPool();
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            RocketPool rp = client.rocketPool();
            rp.deposit(Amount.parse("10", Token.ETH)).send();
            BigInteger nonce = nonce(devnet, alice);

            // bad amounts
            assertThrows(InvalidInputException.class, () -> rp.deposit(Amount.zero(Token.ETH)));
            assertThrows(InvalidInputException.class, () -> rp.burn(Amount.zero(rp.rETH())));
            InvalidInputException wrongToken = assertThrows(InvalidInputException.class,
                    () -> rp.deposit(Amount.parse("1", rp.rETH())));
            assertTrue(wrongToken.getMessage().contains("expected an amount of ETH"), wrongToken.getMessage());

            // below the minimum deposit
            InvalidInputException small = assertThrows(InvalidInputException.class,
                    () -> rp.deposit(Amount.parse("0.009", Token.ETH)).preview());
            assertEquals("0.009 ETH is below Rocket Pool's minimum deposit of 0.01 ETH", small.getMessage());

            // above the deposit pool maximum (20 ETH, 10 already in)
            fixtures.setMaximumDepositPoolSize(eth(20));
            assertEquals(Amount.parse("10", Token.ETH).wei(), rp.depositConditions().maximumDepositAmount().wei());
            InvalidInputException big = assertThrows(InvalidInputException.class,
                    () -> rp.deposit(Amount.parse("10.000000000000000001", Token.ETH)).preview());
            assertTrue(big.getMessage().contains("at most 10 ETH can be deposited now"), big.getMessage());

            // disabled
            fixtures.setDepositEnabled(false);
            InvalidInputException disabled = assertThrows(InvalidInputException.class,
                    () -> rp.deposit(Amount.parse("1", Token.ETH)).preview());
            assertTrue(disabled.getMessage().contains("Rocket Pool deposits are currently disabled"), disabled.getMessage());
            fixtures.setDepositEnabled(true);

            // conditions that change after the operation was built: its checks refuse at send time
            Operation<LiquidResult> later = rp.deposit(Amount.parse("1", Token.ETH));
            fixtures.setDepositEnabled(false);
            InvalidInputException atSend = assertThrows(InvalidInputException.class, later::send);
            assertTrue(atSend.getMessage().contains("currently disabled"), atSend.getMessage());
            fixtures.setDepositEnabled(true);

            // burn above the balance
            BigInteger held = eth(10).subtract(mulDiv(eth(10), FEE, ETH));
            InvalidInputException tooMuch = assertThrows(InvalidInputException.class,
                    () -> rp.burn(Amount.ofWei(held.add(BigInteger.ONE), rp.rETH())).preview());
            assertTrue(tooMuch.getMessage().contains("exceeds the 9.995 rETH held by " + alice.getAddress()),
                    tooMuch.getMessage());

            // burn above the collateral: 10.5 ETH reported, 8 ETH of the pool's 10 staked
            fixtures.report(new BigInteger("10500000000000000000"));
            fixtures.assignToValidators(eth(8));
            assertEquals(Amount.parse("2", Token.ETH), rp.totalCollateral());
            BigInteger needs = mulDiv(held, new BigInteger("10500000000000000000"), held);
            InvalidInputException capped = assertThrows(InvalidInputException.class,
                    () -> rp.burn(Amount.ofWei(held, rp.rETH())).preview());
            assertTrue(capped.getMessage().contains("needs " + Amount.ofWei(needs, Token.ETH)), capped.getMessage());
            assertTrue(capped.getMessage().contains("is only 2 ETH"), capped.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "nothing was sent");

            // a burn built while the collateral covered it, refused at send time once it no longer does
            fixtures.returnFromValidators(eth(1)); // collateral 3 ETH: 1 in rETH, 2 in the pool
            Operation<LiquidResult> burnLater = rp.burn(Amount.parse("1.5", rp.rETH())); // needs about 1.576 ETH
            fixtures.assignToValidators(eth(2)); // collateral 1 ETH
            InvalidInputException burnAtSend = assertThrows(InvalidInputException.class, burnLater::send);
            BigInteger needsLater = mulDiv(new BigInteger("1500000000000000000"), new BigInteger("10500000000000000000"), held);
            assertTrue(burnAtSend.getMessage().contains("needs " + Amount.ofWei(needsLater, Token.ETH)), burnAtSend.getMessage());
            assertTrue(burnAtSend.getMessage().contains("is only 1 ETH"), burnAtSend.getMessage());
            assertEquals(nonce, nonce(devnet, alice), "still nothing sent");
            fixtures.returnFromValidators(eth(1)); // collateral 2 ETH again, all in rETH
            assertEquals(Amount.parse("2", Token.ETH), rp.totalCollateral());

            // the largest burn the message names goes through
            String max = capped.getMessage().replaceAll(".*burn at most ([0-9.]+) rETH.*", "$1");
            LiquidResult burnt = rp.burn(Amount.parse(max, rp.rETH())).send();
            assertTrue(burnt.amount().wei().compareTo(eth(2)) <= 0);
            assertEquals(mulDiv(Amount.parse(max, rp.rETH()).wei(), new BigInteger("10500000000000000000"), held),
                    burnt.amount().wei());
            assertThrows(InvalidInputException.class, () -> rp.burn(Amount.parse("0.001", rp.rETH())).preview(),
                    "the collateral left is below the value of 0.001 rETH");
        }
    }

    @Test
    void aContractRevertOurChecksCannotForeseeIsDecodedAndNothingIsSent(Devnet devnet, @Account(4) Credentials alice)
            throws Exception {
        RocketPoolDevnet fixtures = devnet.rocketPool();
        fixtures.setMinimumDeposit(BigInteger.ZERO);
        BigInteger hundred = BigInteger.valueOf(100);
        fixtures.report(hundred, BigInteger.ZERO, hundred); // 1 ETH per rETH
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            RocketPool rp = client.rocketPool();
            Operation<LiquidResult> oneWei = rp.deposit(Amount.ofWei(BigInteger.ONE, Token.ETH));
            assertEquals(Amount.ofWei(BigInteger.ONE, rp.rETH()),
                    oneWei.preview().quote(RocketPool.EXPECTED_RETH_QUOTE).orElseThrow().amount());
            // a report raises the rate by 2% (the most one report may): 1 wei now mints floor(100 / 102) = 0 rETH,
            // which rETH refuses
            fixtures.report(BigInteger.valueOf(102), BigInteger.ZERO, hundred);
            BigInteger nonce = nonce(devnet, alice);
            // the same operation plans again at send time and refuses before any simulation
            InvalidInputException now = assertThrows(InvalidInputException.class, oneWei::send);
            assertTrue(now.getMessage().contains("would mint 0 rETH"), now.getMessage());
            // the deposit sent as a plan of our own, without the facade's rate check: the simulation reverts, decoded
            Operation<Void> raw = client.operation(io.restake4j.tx.Plan.<Void>builder("raw 1 wei deposit")
                    .step(io.restake4j.tx.Step.raw("deposit 1 wei", rp.depositPool(),
                            io.restake4j.contracts.rocketpool.RocketDepositPool.getABI_send_deposit(BigInteger.ONE),
                            BigInteger.ONE))
                    .result(ex -> null).build());
            SimulationRevertedException e = assertThrows(SimulationRevertedException.class, raw::send);
            assertEquals(DecodedRevert.Kind.ERROR_STRING, e.revert().kind());
            assertEquals("Invalid token mint amount", e.revert().arguments().get(0));
            assertEquals(nonce, nonce(devnet, alice), "nothing was sent");
        }
    }

}
