package io.restake4j.eigenlayer;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;

/**
 * A withdrawal in EigenLayer's DelegationManager queue: the exact struct the contract stores and that
 * completing it requires, field for field ({@code IDelegationManagerTypes.Withdrawal}).
 *
 * <p>{@code scaledShares} are the shares as the contract scaled them at queue time (deposit shares x
 * deposit scaling factor), not the amount that will be paid: the DelegationManager applies the
 * operator's slashing factor at completion.
 *
 * <pre>{@code
 * Withdrawal w = new Withdrawal(staker, operator, staker, BigInteger.ZERO, 1234L,
 *         List.of(strategy), List.of(shares));
 * String root = w.root();                       // equals DelegationManager.calculateWithdrawalRoot(w)
 * long first = w.firstCompletableBlock(10);     // startBlock + delay + 1
 * }</pre>
 *
 * @param staker       who queued it (and who must complete it)
 * @param delegatedTo  the operator the staker was delegated to when queueing (zero address if none)
 * @param withdrawer   always the staker in the slashing-era contracts
 * @param nonce        the staker's {@code cumulativeWithdrawalsQueued} at queue time
 * @param startBlock   the block in which it was queued (a uint32)
 * @param strategies   the strategies withdrawn from
 * @param scaledShares one entry per strategy
 */
public record Withdrawal(String staker, String delegatedTo, String withdrawer, BigInteger nonce, long startBlock,
        List<String> strategies, List<BigInteger> scaledShares) {

    private static final long UINT32_MAX = 0xFFFF_FFFFL;

    public Withdrawal {
        Objects.requireNonNull(staker, "staker");
        Objects.requireNonNull(delegatedTo, "delegatedTo");
        Objects.requireNonNull(withdrawer, "withdrawer");
        Objects.requireNonNull(nonce, "nonce");
        strategies = List.copyOf(strategies);
        scaledShares = List.copyOf(scaledShares);
        if (strategies.size() != scaledShares.size()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "a withdrawal needs one share amount per strategy: " + strategies.size()
                    + " strategies, " + scaledShares.size() + " share amounts");
        }
        if (startBlock < 0 || startBlock > UINT32_MAX) {
            throw new InvalidInputException(ErrorCode.OUT_OF_RANGE, "startBlock must fit a uint32, was " + startBlock);
        }
        if (nonce.signum() < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "nonce cannot be negative, was " + nonce);
        }
    }

    /**
     * The withdrawal root, {@code keccak256(abi.encode(withdrawal))}, as 0x-prefixed hex. The struct is
     * dynamic, so {@code abi.encode} starts with the 32-byte offset word (0x20) before the tuple.
     */
    public String root() {
        String tuple = TypeEncoder.encode(toAbi());
        String offset = Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(32), 64);
        return Hash.sha3("0x" + offset + tuple);
    }

    /** The first block in which {@code completeQueuedWithdrawal} succeeds: {@code startBlock + delay + 1}. */
    public long firstCompletableBlock(long minWithdrawalDelayBlocks) {
        if (minWithdrawalDelayBlocks < 0) {
            throw new IllegalArgumentException("delay cannot be negative: " + minWithdrawalDelayBlocks);
        }
        return startBlock + minWithdrawalDelayBlocks + 1;
    }

    /** The ABI tuple {@code (address,address,address,uint256,uint32,address[],uint256[])}. */
    public DynamicStruct toAbi() {
        return new DynamicStruct(new Address(staker), new Address(delegatedTo), new Address(withdrawer),
                new Uint256(nonce), new Uint32(BigInteger.valueOf(startBlock)),
                new DynamicArray<>(Address.class, strategies.stream().map(Address::new).toList()),
                new DynamicArray<>(Uint256.class, scaledShares.stream().map(Uint256::new).toList()));
    }
}
