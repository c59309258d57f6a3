package io.restake4j.eigenlayer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * The hand-written decoder of {@code getQueuedWithdrawals} against web3j's own ABI encoder (the devnet IT checks it
 * against the chain's answer).
 */
class QueuedWithdrawalsTest {

    private static final String STAKER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private static final String OPERATOR = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    private static final String A = "0x93c4b944d05dfe6df7645a86cd2206016c51564d";
    private static final String B = "0x1bee69b7dfffa4e2d53c2a2df135c388ad25dcd2";
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String encode(List<Withdrawal> withdrawals, List<List<BigInteger>> shares) {
        DynamicArray<DynamicStruct> structs = new DynamicArray<>(DynamicStruct.class,
                withdrawals.stream().map(Withdrawal::toAbi).toList());
        List<DynamicArray<Uint256>> rows = shares.stream()
                .map(r -> new DynamicArray<>(Uint256.class, r.stream().map(Uint256::new).toList())).toList();
        DynamicArray nested = new DynamicArray(DynamicArray.class, rows);
        String hex = FunctionEncoder.encodeConstructor(List.<Type>of(structs, nested));
        return Numeric.prependHexPrefix(hex);
    }

    @Test
    void decodesWhatTheAbiEncoderWrites() {
        Withdrawal one = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.valueOf(3), 1234L, List.of(A, B),
                List.of(BigInteger.TEN.pow(18), BigInteger.TWO.pow(255)));
        Withdrawal two = new Withdrawal(STAKER, ZERO, STAKER, BigInteger.valueOf(4), 0xFFFF_FFFFL, List.of(B),
                List.of(BigInteger.ONE));
        Withdrawal none = new Withdrawal(STAKER, ZERO, STAKER, BigInteger.valueOf(5), 7L, List.of(), List.of());
        List<List<BigInteger>> shares = List.of(List.of(BigInteger.valueOf(75), BigInteger.ZERO), List.of(BigInteger.ONE),
                List.of());

        List<QueuedWithdrawals.Entry> decoded = QueuedWithdrawals.decode(encode(List.of(one, two, none), shares));

        assertEquals(List.of(new QueuedWithdrawals.Entry(one, shares.get(0)), new QueuedWithdrawals.Entry(two, shares.get(1)),
                new QueuedWithdrawals.Entry(none, List.of())), decoded);
        assertEquals(one.root(), decoded.get(0).withdrawal().root());
    }

    @Test
    void noWithdrawalsIsAnEmptyList() {
        assertEquals(List.of(), QueuedWithdrawals.decode(encode(List.of(), List.of())));
    }

    @Test
    void truncatedOrInconsistentAnswersAreRefused() {
        Withdrawal one = new Withdrawal(STAKER, OPERATOR, STAKER, BigInteger.ONE, 10L, List.of(A), List.of(BigInteger.TEN));
        String good = encode(List.of(one), List.of(List.of(BigInteger.TEN)));
        assertThrows(IllegalArgumentException.class, () -> QueuedWithdrawals.decode(good.substring(0, good.length() - 64)));
        assertThrows(IllegalArgumentException.class, () -> QueuedWithdrawals.decode("0x"));
        IllegalArgumentException counts = assertThrows(IllegalArgumentException.class,
                () -> QueuedWithdrawals.decode(encode(List.of(one), List.of())));
        assertTrue(counts.getMessage().contains("1 withdrawals and 0 share lists"), counts.getMessage());
        IllegalArgumentException perStrategy = assertThrows(IllegalArgumentException.class,
                () -> QueuedWithdrawals.decode(encode(List.of(one), List.of(List.of(BigInteger.ONE, BigInteger.TWO)))));
        assertTrue(perStrategy.getMessage().contains("1 strategies but 2"), perStrategy.getMessage());
    }

    @Test
    void theCallIsTheManifestSelector() {
        assertEquals("0x5dd68579", FunctionEncoder.encode(QueuedWithdrawals.call(STAKER)).substring(0, 10));
        assertEquals("0x5dd68579", io.restake4j.contracts.HandEncoded.selector(QueuedWithdrawals.SIGNATURE));
    }
}
