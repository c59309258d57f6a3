package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.utils.Numeric;

import io.restake4j.contracts.HandEncoded;

/**
 * The DelegationManager's {@code getQueuedWithdrawals(address staker) returns (Withdrawal[] withdrawals,
 * uint256[][] shares)}, encoded and decoded by hand: the build leaves it out of the wrapper (a nested array in
 * an ABI with structs, web3j#1925). The answer is decoded word by word from the ABI layout: two offsets, then
 * an array of dynamic tuples {@code (address,address,address,uint256,uint32,address[],uint256[])} and an array
 * of {@code uint256[]}, one per withdrawal, in the order of {@code getQueuedWithdrawalRoots}.
 *
 * <pre>{@code
 * Read<List<QueuedWithdrawals.Entry>> all = batch.add(dm, QueuedWithdrawals.call(staker), QueuedWithdrawals::decode);
 * }</pre>
 */
final class QueuedWithdrawals {

    static final String SIGNATURE = "getQueuedWithdrawals(address)";

    private static final int WORD = 32;

    /** One queued withdrawal and the withdrawable shares it would pay now, per strategy. */
    record Entry(Withdrawal withdrawal, List<BigInteger> shares) {
        Entry {
            shares = List.copyOf(shares);
        }
    }

    private QueuedWithdrawals() {
    }

    static Function call(String staker) {
        return HandEncoded.function(SIGNATURE, List.of(new Address(staker)));
    }

    /**
     * Decodes the return data (0x-hex).
     *
     * @throws IllegalArgumentException when it does not have the layout of the two arrays
     */
    static List<Entry> decode(String returnData) {
        byte[] data = Numeric.hexStringToByteArray(returnData);
        int withdrawals = offset(data, 0, 0);
        int shares = offset(data, WORD, 0);
        int n = length(data, withdrawals);
        if (length(data, shares) != n) {
            throw new IllegalArgumentException("getQueuedWithdrawals answered " + n + " withdrawals and "
                    + length(data, shares) + " share lists");
        }
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int tuple = offset(data, withdrawals + WORD + i * WORD, withdrawals + WORD);
            Withdrawal w = new Withdrawal(address(data, tuple), address(data, tuple + WORD), address(data, tuple + 2 * WORD),
                    uint(data, tuple + 3 * WORD), uint(data, tuple + 4 * WORD).longValueExact(),
                    addresses(data, offset(data, tuple + 5 * WORD, tuple)),
                    uints(data, offset(data, tuple + 6 * WORD, tuple)));
            List<BigInteger> paid = uints(data, offset(data, shares + WORD + i * WORD, shares + WORD));
            if (paid.size() != w.strategies().size()) {
                throw new IllegalArgumentException("withdrawal " + i + " has " + w.strategies().size() + " strategies but "
                        + paid.size() + " share amounts");
            }
            out.add(new Entry(w, paid));
        }
        return out;
    }

    private static BigInteger uint(byte[] data, int at) {
        if (at < 0 || at + WORD > data.length) {
            throw new IllegalArgumentException("return data too short: word at " + at + " of " + data.length + " bytes");
        }
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, at, at + WORD));
    }

    /** The word at {@code at} read as an offset from {@code base}. */
    private static int offset(byte[] data, int at, int base) {
        BigInteger o = uint(data, at);
        if (o.bitLength() > 31 || base + o.intValue() > data.length) {
            throw new IllegalArgumentException("offset " + o + " at " + at + " points past the " + data.length + " bytes");
        }
        return base + o.intValue();
    }

    private static int length(byte[] data, int at) {
        BigInteger n = uint(data, at);
        if (n.bitLength() > 31 || n.intValue() > (data.length - at) / WORD) {
            throw new IllegalArgumentException("array length " + n + " at " + at + " exceeds the return data");
        }
        return n.intValue();
    }

    private static String address(byte[] data, int at) {
        BigInteger word = uint(data, at);
        if (word.bitLength() > 160) {
            throw new IllegalArgumentException("not an address at " + at + ": " + word.toString(16));
        }
        return new Address(word).toString();
    }

    private static List<String> addresses(byte[] data, int array) {
        int n = length(data, array);
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(address(data, array + WORD + k * WORD));
        }
        return out;
    }

    private static List<BigInteger> uints(byte[] data, int array) {
        int n = length(data, array);
        List<BigInteger> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(uint(data, array + WORD + k * WORD));
        }
        return out;
    }
}
