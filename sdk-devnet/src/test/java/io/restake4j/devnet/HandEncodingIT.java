package io.restake4j.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.HandEncoded;
import io.restake4j.devnet.testfixtures.AbiProbe;

/**
 * The path for functions web3j's generator cannot handle: the build leaves {@code settle} (an
 * {@code address[][]} parameter in a contract with structs) out of the {@link AbiProbe} wrapper and
 * lists it in the manifest; we encode it by hand with {@link HandEncoded}. The independent check is
 * solc's own ABI code: the probe decodes our calldata and emits {@code abi.encodeCall(...)} of what
 * it decoded, which must equal our bytes exactly.
 */
@DevnetTest
class HandEncodingIT {

    private static final String SETTLE = "settle((address,uint256,address[],uint256[])[],address[][],bool[])";

    @Test
    void excludedFunctionIsEncodedByHandExactlyAsSolidityEncodesIt(Devnet devnet, @Account(0) Credentials alice)
            throws Exception {
        HandEncoded.ExcludedFunction excluded = HandEncoded.excludedFunctions().stream()
                .filter(f -> f.contract().equals(AbiProbe.class.getName()))
                .findFirst().orElseThrow(() -> new AssertionError("settle is not in the manifest"));
        assertEquals(SETTLE, excluded.signature());
        assertTrue(Arrays.stream(AbiProbe.class.getMethods()).noneMatch(m -> m.getName().endsWith("_settle")),
                "the wrapper has no settle method");
        assertTrue(Arrays.stream(AbiProbe.class.getMethods()).anyMatch(m -> m.getName().equals("send_settleOne")),
                "the rest of the contract is generated");

        AbiProbe probe = AbiProbe.deploy(devnet.web3j(), devnet.transactionManager(alice), devnet.gasProvider()).send();
        String a = "0x1111111111111111111111111111111111111111";
        String b = "0x2222222222222222222222222222222222222222";
        String c = "0x3333333333333333333333333333333333333333";
        List<AbiProbe.Entry> entries = List.of(
                new AbiProbe.Entry(a, BigInteger.valueOf(7), List.of(b, c), List.of(BigInteger.valueOf(100), BigInteger.valueOf(200))),
                new AbiProbe.Entry(b, BigInteger.ZERO, List.of(), List.of()),
                new AbiProbe.Entry(c, BigInteger.TWO.pow(255), List.of(a), List.of(BigInteger.valueOf(5))));
        List<List<String>> tokens = List.of(List.of(a, b), List.of(), List.of(c));
        List<Boolean> receiveAsTokens = List.of(true, false, true);

        Function settle = HandEncoded.function(excluded.signature(), List.<Type>of(
                HandEncoded.array(AbiProbe.Entry.class, entries),
                HandEncoded.addressArrays(tokens),
                HandEncoded.bools(receiveAsTokens)));
        String calldata = FunctionEncoder.encode(settle);
        assertEquals(excluded.selector(), calldata.substring(0, 10));
        assertEquals(HandEncoded.selector(SETTLE), excluded.selector());

        TransactionReceipt receipt = devnet.transact(alice, probe.getContractAddress(), calldata, BigInteger.ZERO);

        List<AbiProbe.SettledEventResponse> events = AbiProbe.getSettledEvents(receipt);
        assertEquals(1, events.size());
        AbiProbe.SettledEventResponse settled = events.get(0);
        assertEquals(calldata, Numeric.toHexString(settled.canonicalCalldata), "solc re-encodes our bytes identically");
        assertEquals(a, settled.firstStaker);
        assertEquals(BigInteger.valueOf(3), settled.entryCount);
        assertEquals(BigInteger.valueOf(3), settled.tokenCount);
        assertEquals(BigInteger.valueOf(305), settled.shareSum);
        assertEquals(BigInteger.TWO, settled.trueFlags);
    }

    @Test
    void inputsThatDoNotSpellTheSignatureAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandEncoded.function(SETTLE,
                List.<Type>of(new DynamicArray<>(Uint256.class, List.of(new Uint256(1))))));
        assertTrue(e.getMessage().contains("spell settle(uint256[]) but the function is " + SETTLE), e.getMessage());
    }
}
