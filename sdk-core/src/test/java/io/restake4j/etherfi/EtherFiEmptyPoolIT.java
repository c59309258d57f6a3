package io.restake4j.etherfi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restake4j.etherfi.EtherFiIT.assertRatesMatchTheContracts;
import static io.restake4j.etherfi.EtherFiIT.eeth;
import static io.restake4j.etherfi.EtherFiIT.pool;
import static io.restake4j.etherfi.EtherFiIT.totals;
import static io.restake4j.etherfi.EtherFiIT.weeth;
import static io.restake4j.testing.DevnetAccounts.eth;
import static io.restake4j.testing.DevnetAccounts.fresh;

import java.math.BigInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

import io.restake4j.Restaking;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.EtherFiDevnet;
import io.restake4j.devnet.fixtures.etherfi.LiquidityPool;
import io.restake4j.liquid.LiquidResult;
import io.restake4j.testing.DevnetClients;
import io.restake4j.tx.Preview;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * client.etherFi() on an empty LiquidityPool (no ether, no shares: every devnet deploys ether.fi empty, and
 * each test starts from that snapshot). The contract answers 0 for {@code amountForShare},
 * {@code amountPerShareCeil} and {@code getRate} there, as mainnet's does; the SDK's rates must give the same
 * zeros, and the first stake must still preview and send with the shares the pool mints (1:1).
 */
@DevnetTest
class EtherFiEmptyPoolIT {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    @BeforeEach
    void thePoolIsEmpty(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        BigInteger[] totals = totals(devnet, fixture);
        assertEquals(BigInteger.ZERO, totals[0], "no ether in the pool");
        assertEquals(BigInteger.ZERO, totals[1], "no eETH shares");
    }

    @Test
    void ratesOfAnEmptyPoolAreTheContractsZeros(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 291, 1);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFiRates rates = client.etherFi().rates();
            assertRatesMatchTheContracts(client.etherFi(), devnet, fixture, totals(devnet, fixture));
            assertEquals(BigInteger.ZERO, pool(devnet, fixture).call_amountPerShareCeil().send());
            assertEquals(BigInteger.ZERO, rates.amountPerShareCeil());
            assertEquals(BigInteger.ZERO, weeth(devnet, fixture).call_getRate().send());
            assertEquals(BigInteger.ZERO, rates.amountPerWrapped());
            assertEquals(BigInteger.ZERO, rates.amountFor(ETHER));
        }
    }

    @Test
    void theFirstStakePreviewsAndMintsTheSharesThePoolMints(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 292, 10);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            BigInteger contractShares = depositAnswer(devnet, fixture, alice, eth(3));
            assertEquals(eth(3), contractShares, "the pool mints 1:1 when empty");

            var stake = etherFi.stake(Amount.parse("3", Token.ETH));
            Preview preview = stake.preview();
            assertTrue(preview.wouldSucceed(), preview.toString());
            assertEquals(contractShares, preview.steps().get(0).result(), "the simulated deposit returns the pool's shares");

            LiquidResult staked = stake.send();
            assertEquals(contractShares, staked.shares().value());
            assertEquals(contractShares, eeth(devnet, fixture).call_shares(alice.getAddress()).send());
            assertEquals(eeth(devnet, fixture).call_balanceOf(alice.getAddress()).send(), staked.amount().wei());
            assertEquals(eth(3), staked.amount().wei());

            BigInteger[] after = totals(devnet, fixture);
            assertRatesMatchTheContracts(etherFi, devnet, fixture, after);
            assertEquals(ETHER, etherFi.rates().amountPerShareCeil(), "1 ether per share once the first stake is in");
        }
    }

    @Test
    void stakeAndWrapIntoAnEmptyPoolQuotesWhatItGets(Devnet devnet, EtherFiDevnet fixture) throws Exception {
        Credentials alice = fresh(devnet, 293, 10);
        try (Restaking client = DevnetClients.client(devnet, alice)) {
            EtherFi etherFi = client.etherFi();
            var op = etherFi.stakeAndWrap(Amount.parse("2", Token.ETH));
            Preview preview = op.preview();
            assertTrue(preview.wouldSucceed(), preview.toString());
            assertEquals(depositAnswer(devnet, fixture, alice, eth(2)), preview.steps().get(0).result());
            BigInteger quotedEEth = preview.quote("eETH minted").orElseThrow().amount().wei();
            BigInteger quotedWeEth = preview.quote("weETH expected").orElseThrow().amount().wei();
            assertEquals(eth(2), quotedEEth);
            assertEquals(eth(2), quotedWeEth);

            LiquidResult wrapped = op.send();
            BigInteger held = weeth(devnet, fixture).call_balanceOf(alice.getAddress()).send();
            assertEquals(held, wrapped.amount().wei());
            assertEquals(quotedWeEth, held, "the quote is what the contracts gave");
            assertEquals(BigInteger.ZERO, eeth(devnet, fixture).call_balanceOf(alice.getAddress()).send(), "all wrapped");
        }
    }

    /** What {@code deposit(0x0)} with {@code value} returns when {@code from} calls it now: the contract's own answer. */
    private static BigInteger depositAnswer(Devnet devnet, EtherFiDevnet fixture, Credentials from, BigInteger value)
            throws Exception {
        String data = LiquidityPool.getABI_call_deposit(Address.DEFAULT.getValue(), value);
        EthCall call = devnet.web3j().ethCall(Transaction.createFunctionCallTransaction(from.getAddress(), null, null,
                null, fixture.liquidityPool(), value, data), DefaultBlockParameterName.LATEST).send();
        assertFalse(call.isReverted() || call.hasError(), "deposit would revert: " + call.getRevertReason());
        return Numeric.toBigInt(call.getValue());
    }
}
