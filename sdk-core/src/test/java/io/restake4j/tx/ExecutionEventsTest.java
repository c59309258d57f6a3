package io.restake4j.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import io.restake4j.contracts.common.ERC20;

/** Events are taken from the contract that emitted them, not from whoever logged the same topic. */
class ExecutionEventsTest {

    private static final String TOKEN = "0x1000000000000000000000000000000000000001";
    private static final String NFT = "0x2000000000000000000000000000000000000002";
    private static final String ALICE = "0x000000000000000000000000a11ce00000000000000000000000000000000001";
    private static final String BOB = "0x000000000000000000000000b0b0000000000000000000000000000000000002";

    @Test
    void onlyTheEmittersLogsAreDecoded() {
        String topic = EventEncoder.encode(ERC20.TRANSFER_EVENT);
        Log erc20 = log(TOKEN, List.of(topic, ALICE, BOB), "0x" + "0".repeat(62) + "2a");
        // an ERC-721 Transfer: same topic0, the token id indexed, no data
        Log erc721 = log(NFT, List.of(topic, ALICE, BOB, "0x" + "0".repeat(63) + "7"), "0x");
        TransactionReceipt receipt = new TransactionReceipt();
        receipt.setLogs(List.of(erc721, erc20));
        Execution ex = new Execution(new CheckResults(), List.of(), List.of(receipt), null);

        List<ERC20.TransferEventResponse> fromToken = ex.events(TOKEN, ERC20::getTransferEvents);
        assertEquals(1, fromToken.size());
        assertEquals(BigInteger.valueOf(42), fromToken.get(0).value);
        assertEquals(List.of(erc721), ex.events(NFT, (TransactionReceipt r) -> r.getLogs()),
                "each emitter's extractor sees only its own logs");
    }

    @Test
    void sumsAddOnlyTheMatchingEventsOfTheEmitter() {
        String topic = EventEncoder.encode(ERC20.TRANSFER_EVENT);
        String zero = "0x" + "0".repeat(64);
        Log toBob = log(TOKEN, List.of(topic, ALICE, BOB), "0x" + "0".repeat(62) + "2a");          // 42 alice -> bob
        Log mintToBob = log(TOKEN, List.of(topic, zero, BOB), "0x" + "0".repeat(62) + "10");       // 16 minted to bob
        Log toAlice = log(TOKEN, List.of(topic, BOB, ALICE), "0x" + "0".repeat(63) + "5");         // 5 bob -> alice
        Log otherToken = log(NFT, List.of(topic, ALICE, BOB), "0x" + "0".repeat(62) + "ff");       // another token
        TransactionReceipt first = new TransactionReceipt();
        first.setLogs(List.of(toBob, otherToken));
        TransactionReceipt second = new TransactionReceipt();
        second.setLogs(List.of(mintToBob, toAlice));
        Execution ex = new Execution(new CheckResults(), List.of(), List.of(first, second), null);

        String bob = "0xb0b0000000000000000000000000000000000002";
        String alice = "0xa11ce00000000000000000000000000000000001";
        assertEquals(BigInteger.valueOf(58), ex.transferred(TOKEN, null, bob), "42 + 16 across both receipts");
        assertEquals(BigInteger.valueOf(16), ex.transferred(TOKEN, "0x" + "0".repeat(40), bob), "mints only");
        assertEquals(BigInteger.valueOf(5), ex.transferred(TOKEN, bob, alice));
        assertEquals(BigInteger.valueOf(63), ex.sum(TOKEN, ERC20::getTransferEvents, t -> t.value), "every transfer of the token");
        assertEquals(BigInteger.valueOf(255), ex.transferred(NFT, null, null), "the other emitter counted apart");
        assertEquals(BigInteger.ZERO, ex.transferred(TOKEN, alice, alice));
    }

    private static Log log(String address, List<String> topics, String data) {
        Log l = new Log();
        l.setAddress(address);
        l.setTopics(topics);
        l.setData(data);
        return l;
    }
}
