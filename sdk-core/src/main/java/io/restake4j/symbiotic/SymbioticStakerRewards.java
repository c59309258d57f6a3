package io.restake4j.symbiotic;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

import io.restake4j.ProtocolContext;
import io.restake4j.contracts.symbiotic.DefaultStakerRewards;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * A vault's DefaultStakerRewards (version 2 events) for the client account: rewards are kept per (token, network),
 * each distribution paying the active shares a staker held at its timestamp (pending withdrawals earn nothing).
 * {@link #claimable(Token, String)} reads what the account can claim; {@link #claim(Token, String)} claims every
 * pending distribution of that (token, network), refused before signing when there is none.
 *
 * <pre>{@code
 * SymbioticStakerRewards rewards = client.symbiotic().stakerRewards("0x...");
 * Amount due = rewards.claimable(rewardToken, network);
 * if (!due.isZero()) rewards.claim(rewardToken, network).send();
 * }</pre>
 */
public final class SymbioticStakerRewards {

    private final ProtocolContext ctx;
    private final String address;

    SymbioticStakerRewards(ProtocolContext ctx, String address) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.address = address;
    }

    /** The rewards contract's address. */
    public String address() {
        return address;
    }

    /** The client account's claimable {@code token} from {@code network} (see {@link #claimable(Token, String, String)}). */
    public Amount claimable(Token token, String network) {
        return claimable(token, network, ctx.account());
    }

    /**
     * What {@code account} can claim of {@code token} distributed by {@code network}, over every pending
     * distribution ({@code claimable(token, account, abi.encode(network, maxRewards))}, one read; rounded down per
     * distribution, as the claim pays).
     */
    public Amount claimable(Token token, String network, String account) {
        Objects.requireNonNull(token, "token");
        Inputs.address(network, "network");
        Inputs.address(account, "account");
        BigInteger all = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        byte[] data = Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(new Address(network),
                new Uint256(all))));
        return Amount.ofWei(ctx.reads().readOne(DefaultStakerRewards::load, address,
                r -> r.call_claimable(token.address(), account, data)), token);
    }

    /**
     * Claims to the client account every pending distribution of {@code token} by {@code network}
     * ({@code claimRewards(account, token, abi.encode(network, pending, []))}). Refused before signing with
     * {@link ErrorCode#NOT_FOUND} when the account has no pending distribution of that pair.
     */
    public Operation<SymbioticRewardsResult> claim(Token token, String network) {
        Objects.requireNonNull(token, "token");
        String net = Inputs.address(network, "network");
        return ctx.operation("claim " + token.symbol() + " rewards of network " + net + " from " + address, plan -> {
            String account = ctx.account();
            ReadBatch batch = ctx.reads().newBatch();
            Read<BigInteger> length = batch.add(DefaultStakerRewards::load, address,
                    r -> r.call_rewardsLength(token.address(), net));
            Read<BigInteger> cursor = batch.add(DefaultStakerRewards::load, address,
                    r -> r.call_lastUnclaimedReward(account, token.address(), net));
            batch.execute();
            BigInteger pending = length.get().subtract(cursor.get());
            if (pending.signum() <= 0) {
                throw new InvalidInputException(ErrorCode.NOT_FOUND, account + " has no pending " + token.symbol()
                        + " rewards from network " + net + " in " + address);
            }
            byte[] data = Numeric.hexStringToByteArray(FunctionEncoder.encodeConstructor(List.of(new Address(net),
                    new Uint256(pending), new DynamicArray<>(DynamicBytes.class, List.of()))));
            plan.step(Step.raw("claimRewards " + token.symbol(), address,
                    DefaultStakerRewards.getABI_send_claimRewards(account, token.address(), data), BigInteger.ZERO))
                    .result(ex -> new SymbioticRewardsResult(ex, Amount.ofWei(ex.sum(address,
                            DefaultStakerRewards::getClaimRewardsEvents, e -> e.claimer.equalsIgnoreCase(account),
                            e -> e.amount), token), pending));
        });
    }

    @Override
    public String toString() {
        return "SymbioticStakerRewards[" + address + "]";
    }
}
