package io.restake4j.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;

import io.restake4j.contracts.common.ERC20;
import io.restake4j.devnet.Devnet;
import io.restake4j.devnet.DevnetTest;
import io.restake4j.devnet.fixtures.common.TestToken;
import io.restake4j.errors.CallRevertedException;
import io.restake4j.errors.RestakeException;
import io.restake4j.testing.CountingHttpService;

@DevnetTest
class MulticallReaderIT {

    private static final List<String> tokens = new ArrayList<>();

    private CountingHttpService transport;
    private Web3j web3j;

    @BeforeAll
    static void deployTokens(Devnet devnet) throws Exception {
        tokens.clear();
        for (int t = 0; t < 5; t++) {
            TestToken token = devnet.deployToken("Token " + t, "T" + t, 18);
            for (int a = 0; a < 10; a++) {
                token.send_mint(devnet.account(a).getAddress(), BigInteger.valueOf(1000L * t + a)).send();
            }
            tokens.add(token.getContractAddress());
        }
    }

    @BeforeEach
    void countingTransport(Devnet devnet) {
        transport = new CountingHttpService(devnet.rpcUrl());
        web3j = Web3j.build(transport);
    }

    @Test
    void fiftyTypedReadsAreOneEthCall(Devnet devnet) {
        MulticallReader reader = MulticallReader.create(web3j);
        ReadBatch batch = reader.newBatch();
        List<Read<BigInteger>> balances = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            for (int a = 0; a < 10; a++) {
                String owner = devnet.account(a).getAddress();
                balances.add(batch.add(ERC20::load, tokens.get(t), erc20 -> erc20.call_balanceOf(owner)));
            }
        }
        assertEquals(50, batch.size());

        int requests = batch.execute();

        assertEquals(1, requests);
        assertEquals(1, transport.count("eth_call"), transport.toString());
        assertEquals(1, transport.total(), "nothing but the one eth_call: " + transport);
        for (int t = 0; t < 5; t++) {
            for (int a = 0; a < 10; a++) {
                assertEquals(BigInteger.valueOf(1000L * t + a), balances.get(t * 10 + a).get());
            }
        }
    }

    @Test
    void resultsKeepTheirWrapperTypes() {
        ReadBatch batch = MulticallReader.create(web3j).newBatch();
        Read<String> symbol = batch.add(ERC20::load, tokens.get(2), ERC20::call_symbol);
        Read<BigInteger> decimals = batch.add(ERC20::load, tokens.get(2), ERC20::call_decimals);
        batch.execute();
        assertEquals("T2", symbol.get());
        assertEquals(BigInteger.valueOf(18), decimals.get());
    }

    @Test
    void aRevertingReadFailsAloneWithItsRevertData(Devnet devnet) {
        ReadBatch batch = MulticallReader.create(web3j).newBatch();
        Credentials nobody = devnet.account(9);
        Read<BigInteger> ok = batch.add(ERC20::load, tokens.get(0), e -> e.call_balanceOf(nobody.getAddress()));
        // transferFrom without allowance reverts with ERC20InsufficientAllowance(spender, 0, 1)
        Read<Boolean> bad = batch.add(ERC20::load, tokens.get(0),
                e -> e.call_transferFrom(devnet.account(1).getAddress(), nobody.getAddress(), BigInteger.ONE));
        Read<String> noContract = batch.add(ERC20::load, "0x000000000000000000000000000000000000bEEF", ERC20::call_symbol);
        batch.execute();

        assertEquals(1, transport.count("eth_call"));
        assertEquals(BigInteger.valueOf(9), ok.get());
        assertFalse(bad.succeeded());
        CallRevertedException e = assertThrows(CallRevertedException.class, bad::get);
        assertTrue(e.revertData().startsWith("0xfb8f41b2"), "ERC20InsufficientAllowance selector: " + e.revertData());
        assertEquals(tokens.get(0), e.target());
        io.restake4j.errors.InvalidInputException empty = assertThrows(io.restake4j.errors.InvalidInputException.class,
                noContract::get);
        assertEquals(io.restake4j.errors.ErrorCode.UNKNOWN_DEPLOYMENT, empty.code(), empty.getMessage());
        assertTrue(empty.getMessage().contains("0x000000000000000000000000000000000000bEEF"), empty.getMessage());
    }

    @Test
    void largeBatchesAreSplitByTheConfiguredLimit(Devnet devnet) {
        ReadBatch batch = MulticallReader.builder(web3j).maxCallsPerRequest(20).build().newBatch();
        List<Read<BigInteger>> reads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String owner = devnet.account(i % 10).getAddress();
            reads.add(batch.add(ERC20::load, tokens.get(1), e -> e.call_balanceOf(owner)));
        }
        assertEquals(3, batch.execute());
        assertEquals(3, transport.count("eth_call"));
        assertEquals(BigInteger.valueOf(1007), reads.get(17).get());
    }

    @Test
    void withoutMulticall3ItFallsBackToSingleCallsAndRemembers(Devnet devnet) {
        MulticallReader reader = MulticallReader.builder(web3j)
                .multicallAddress("0x0000000000000000000000000000000000001234").build();
        ReadBatch first = reader.newBatch();
        Read<BigInteger> a = first.add(ERC20::load, tokens.get(3), e -> e.call_balanceOf(devnet.account(4).getAddress()));
        Read<BigInteger> b = first.add(ERC20::load, tokens.get(3), e -> e.call_balanceOf(devnet.account(5).getAddress()));
        assertEquals(3, first.execute());
        assertEquals(BigInteger.valueOf(3004), a.get());
        assertEquals(BigInteger.valueOf(3005), b.get());
        assertEquals(3, transport.count("eth_call"), "one empty aggregate3, then one call per read");
        assertFalse(reader.usesMulticall());

        transport.reset();
        ReadBatch second = reader.newBatch();
        second.add(ERC20::load, tokens.get(3), e -> e.call_balanceOf(devnet.account(4).getAddress()));
        second.execute();
        assertEquals(1, transport.count("eth_call"), "no second attempt at the missing Multicall3");
    }

    @Test
    void readsRunAtTheRequestedBlock(Devnet devnet) throws Exception {
        BigInteger before = devnet.blockNumber();
        Credentials alice = devnet.account(0);
        ERC20.load(tokens.get(4), devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider())
                .send_transfer(devnet.account(1).getAddress(), BigInteger.valueOf(4000)).send();

        ReadBatch batch = MulticallReader.create(web3j).newBatch();
        Read<BigInteger> then = batch.add(ERC20::load, tokens.get(4), e -> e.call_balanceOf(alice.getAddress()));
        batch.execute(DefaultBlockParameter.valueOf(before));
        ReadBatch now = MulticallReader.create(web3j).newBatch();
        Read<BigInteger> current = now.add(ERC20::load, tokens.get(4), e -> e.call_balanceOf(alice.getAddress()));
        now.execute();

        assertEquals(BigInteger.valueOf(4000), then.get());
        assertEquals(BigInteger.ZERO, current.get());
    }

    @Test
    void aBatchIsUsedOnce() {
        ReadBatch batch = MulticallReader.create(web3j).newBatch();
        Read<String> symbol = batch.add(ERC20::load, tokens.get(0), ERC20::call_symbol);
        assertThrows(IllegalStateException.class, symbol::get, "not executed yet");
        batch.execute();
        assertThrows(IllegalStateException.class, batch::execute);
        assertThrows(IllegalStateException.class, () -> batch.add(ERC20::load, tokens.get(0), ERC20::call_symbol));
    }
}
