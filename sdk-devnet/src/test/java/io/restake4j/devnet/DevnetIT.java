package io.restake4j.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.common.Multicall3;

/** A devnet managed by hand (no extension): lifecycle, controls, fixtures. */
class DevnetIT {

    private static Devnet devnet;

    @BeforeAll
    static void start() {
        devnet = Devnet.start();
    }

    @AfterAll
    static void stop() {
        devnet.close();
    }

    @Test
    void answersOnItsChainWithFundedAccountsAndALogFile() throws Exception {
        assertEquals(31337, devnet.web3j().ethChainId().send().getChainId().longValue());
        assertEquals(10, devnet.accounts().size());
        BigInteger balance = devnet.web3j().ethGetBalance(devnet.account(3).getAddress(), DefaultBlockParameterName.LATEST)
                .send().getBalance();
        assertEquals(new BigInteger("10000000000000000000000"), balance);
        assertTrue(Files.readString(devnet.logFile()).contains("Listening on 127.0.0.1:"), "anvil's output is logged");
        assertTrue(devnet.rpcUrl().startsWith("http://127.0.0.1:"));
    }

    @Test
    void multicall3IsAtItsCanonicalAddress() throws Exception {
        String code = devnet.web3j().ethGetCode(Devnet.MULTICALL3_ADDRESS, DefaultBlockParameterName.LATEST).send().getCode();
        assertTrue(code.length() > 100, "runtime code installed");
        Multicall3 multicall = Multicall3.load(devnet.addresses().require(DevnetAddresses.MULTICALL3), devnet.web3j(),
                devnet.account(0), devnet.gasProvider());
        assertEquals(BigInteger.valueOf(31337), multicall.call_getChainId().send());
        assertEquals(devnet.blockNumber(), multicall.call_getBlockNumber().send());
    }

    @Test
    void minesBlocksAndMovesTime() throws Exception {
        BigInteger before = devnet.blockNumber();
        devnet.mine(7);
        assertEquals(before.add(BigInteger.valueOf(7)), devnet.blockNumber());

        BigInteger t0 = latestTimestamp();
        devnet.advanceTime(Duration.ofHours(2));
        assertTrue(latestTimestamp().subtract(t0).longValue() >= 7200, "clock moved by at least two hours");
        assertThrows(IllegalArgumentException.class, () -> devnet.advanceTime(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> devnet.mine(0));
    }

    @Test
    void snapshotAndRevertRestoreBalancesAndBlocks() throws Exception {
        String who = devnet.account(5).getAddress();
        Devnet.Snapshot snapshot = devnet.snapshot();
        BigInteger block = devnet.blockNumber();
        devnet.setBalance(who, BigInteger.ONE);
        devnet.mine(3);
        assertEquals(BigInteger.ONE, balance(who));

        devnet.revert(snapshot);
        assertEquals(new BigInteger("10000000000000000000000"), balance(who));
        assertEquals(block, devnet.blockNumber());
        assertThrows(DevnetException.class, () -> devnet.revert(snapshot), "a snapshot is used once");
    }

    @Test
    void impersonatedAccountsSendWithoutAKey() throws Exception {
        String stranger = "0x00000000000000000000000000000000DeaDBeef";
        String to = devnet.account(6).getAddress();
        devnet.setBalance(stranger, new BigInteger("2000000000000000000"));
        devnet.impersonate(stranger);
        BigInteger before = balance(to);
        String hash = devnet.web3j().ethSendTransaction(Transaction.createEtherTransaction(stranger, null, null,
                BigInteger.valueOf(21_000), to, BigInteger.TEN.pow(18))).send().getTransactionHash();
        // anvil mines on arrival, but the receipt can trail the send's answer by a moment
        java.util.Optional<org.web3j.protocol.core.methods.response.TransactionReceipt> receipt = java.util.Optional.empty();
        for (int i = 0; i < 200 && receipt.isEmpty(); i++) {
            receipt = devnet.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
            if (receipt.isEmpty()) {
                Thread.sleep(10);
            }
        }
        assertTrue(receipt.orElseThrow().isStatusOK());
        assertEquals(before.add(BigInteger.TEN.pow(18)), balance(to));
        devnet.stopImpersonating(stranger);
    }

    @Test
    void aSecondDevnetIsIndependentAndStopsOnClose() throws Exception {
        Devnet other = Devnet.builder().chainId(1337).accounts(3).balanceEth(5).start();
        long pid = other.anvilPid();
        try {
            assertNotEquals(devnet.rpcUrl(), other.rpcUrl());
            assertEquals(1337, other.chainId());
            assertEquals(3, other.accounts().size());
            assertEquals(BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(18)),
                    other.web3j().ethGetBalance(other.account(0).getAddress(), DefaultBlockParameterName.LATEST).send().getBalance());
        } finally {
            other.close();
        }
        assertFalse(other.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "anvil process is gone");
        other.close(); // idempotent
        // Closing one devnet leaves the other's client working, including polling, which runs on its executor.
        java.util.concurrent.Future<org.web3j.protocol.core.methods.response.EthBlock> next =
                devnet.web3j().blockFlowable(false).firstOrError().toFuture();
        devnet.mine(1);
        BigInteger mined = devnet.blockNumber();
        assertEquals(mined, next.get(10, java.util.concurrent.TimeUnit.SECONDS).getBlock().getNumber());
    }

    @Test
    void rawRpcReachesTheNode() {
        @SuppressWarnings("unchecked")
        Map<String, Object> block = (Map<String, Object>) devnet.rpc("eth_getBlockByNumber", "latest", false);
        assertEquals(devnet.blockNumber(), Numeric.decodeQuantity((String) block.get("number")));
        DevnetException e = assertThrows(DevnetException.class, () -> devnet.rpc("no_suchMethod"));
        assertTrue(e.getMessage().startsWith("no_suchMethod failed"), e.getMessage());
    }

    private static BigInteger balance(String address) throws Exception {
        return devnet.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }

    private static BigInteger latestTimestamp() throws Exception {
        return devnet.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp();
    }
}
