package io.restake4j.tokens;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.restake4j.contracts.common.ERC20;
import io.restake4j.contracts.common.ERC20Permit;
import io.restake4j.eip712.Eip712Domain;
import io.restake4j.eip712.Eip712DomainReader;
import io.restake4j.eip712.Signature;
import io.restake4j.eip712.TypedData;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.errors.RestakeException;
import io.restake4j.internal.Inputs;
import io.restake4j.ProtocolContext;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.signer.Signer;
import io.restake4j.tx.Check;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;
import io.restake4j.units.Token;

/**
 * ERC-20 tokens through the client: metadata (read once, cached), balances, and transfers, approvals
 * and EIP-2612 permits as {@link Operation}s. Input is validated before anything is read or signed;
 * balances and allowances are checked in the same simulation as the transaction.
 *
 * <pre>{@code
 * Tokens tokens = client.tokens();
 * Token dusd = tokens.token(address);                     // symbol, decimals: one batched read, then cached
 * tokens.transfer(Amount.parse("12.5", dusd), bob).send();
 * tokens.approve(Amount.parse("100", dusd), vault).send();
 * }</pre>
 */
public final class Tokens {

    private final ProtocolContext ctx;

    /** Use {@code client.tokens()} (or {@code ctx.tokens()} in a facade of your own). */
    public Tokens(ProtocolContext ctx) {
        this.ctx = java.util.Objects.requireNonNull(ctx, "ctx");
    }

    /**
     * The token at {@code address}, with its symbol and decimals read from the chain once (then cached).
     *
     * @throws InvalidInputException when the address is malformed or holds no ERC-20 token
     */
    public Token token(String address) {
        Inputs.address(address, "token");
        ReadBatch batch = ctx.reads().newBatch();
        java.util.function.Supplier<Token> token = token(batch, address);
        if (batch.size() > 0) {
            batch.execute();
        }
        return token.get();
    }

    /**
     * The network preset's token of this symbol (address book key {@code tokens.<symbol>}: WETH, wstETH, weETH, rETH
     * on mainnet and Arbitrum One), tagged with the client's chain: an Arbitrum wstETH is not a mainnet wstETH.
     *
     * <pre>{@code
     * Token wstEth = client.tokens().known("wstETH");   // the bridged token on Arbitrum, the Lido one on mainnet
     * }</pre>
     *
     * @throws InvalidInputException ({@link ErrorCode#UNKNOWN_DEPLOYMENT}) when the network has no such token
     */
    public Token known(String symbol) {
        java.util.Objects.requireNonNull(symbol, "symbol");
        return token(ctx.network().require("tokens." + symbol));
    }

    /**
     * As {@link #token(String)}, with the {@code symbol()} and {@code decimals()} reads (when the token is not known
     * yet) added to {@code batch}, for a caller that sends a batch anyway; the supplier answers once the batch ran.
     */
    public java.util.function.Supplier<Token> token(ReadBatch batch, String address) {
        Inputs.address(address, "token");
        String key = "token." + address.toLowerCase(Locale.ROOT);
        java.util.Optional<Token> known = ctx.recall(key);
        if (known.isPresent()) {
            return known::get;
        }
        Read<String> symbol = batch.add(ERC20::load, address, ERC20::call_symbol);
        Read<BigInteger> decimals = batch.add(ERC20::load, address, ERC20::call_decimals);
        return () -> ctx.remember(key, () -> {
            try {
                return Token.erc20(ctx.network().chainId(), address, symbol.get(), decimals.get().intValueExact());
            } catch (RestakeException | ArithmeticException e) {
                throw new InvalidInputException(ErrorCode.UNKNOWN_DEPLOYMENT, "no ERC-20 token at " + address + " (" + e.getMessage() + ")");
            }
        });
    }

    /** {@code owner}'s balance of {@code token}. */
    public Amount balance(Token token, String owner) {
        Inputs.address(owner, "owner");
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> balance = batch.add(ERC20::load, erc20(token), e -> e.call_balanceOf(owner));
        batch.execute();
        onThisChain(token);
        return Amount.ofWei(balance.get(), token);
    }

    /** Sends {@code amount} from the client's account to {@code to}. */
    public Operation<TransferResult> transfer(Amount amount, String to) {
        Inputs.positive(amount, "transfer amount");
        Inputs.address(to, "recipient");
        String token = erc20(amount.token());
        return ctx.<TransferResult>operation("transfer " + amount + " to " + to, plan -> {
            onThisChain(amount.token());
            Approvals.holds(plan, ctx.account(), amount);
            plan.step(Step.of("transfer " + amount + " to " + to, ERC20::load, token, e -> e.call_transfer(to, amount.wei())))
                    .result(ex -> {
                        ERC20.TransferEventResponse t = ex.events(token, ERC20::getTransferEvents).get(0);
                        return new TransferResult(ex, t.from, t.to, Amount.ofWei(t.value, amount.token()));
                    });
        });
    }

    /** Sets the client account's allowance for {@code spender} to exactly {@code amount}. */
    public Operation<ApprovalResult> approve(Amount amount, String spender) {
        if (amount == null) {
            throw new InvalidInputException(ErrorCode.MISSING, "approval amount is missing");
        }
        return approval(amount.token(), amount.wei(), spender, amount.toString());
    }

    /** Sets an unlimited ({@code 2^256-1}) allowance for {@code spender}; only when you mean it. */
    public Operation<ApprovalResult> approveUnlimited(Token token, String spender) {
        return approval(token, Approvals.UNLIMITED, spender, "unlimited " + token.symbol());
    }

    private Operation<ApprovalResult> approval(Token token, BigInteger value, String spender, String what) {
        Inputs.address(spender, "spender");
        String address = erc20(token);
        return ctx.<ApprovalResult>operation("approve " + what + " for " + spender, plan -> {
            onThisChain(token);
            plan.check(Check.of(token.symbol() + " contract", ERC20::load, address, ERC20::call_decimals))
                .step(Step.of("approve " + what + " for " + spender, ERC20::load, address, e -> e.call_approve(spender, value)))
                .result(ex -> {
                    ERC20.ApprovalEventResponse a = ex.events(address, ERC20::getApprovalEvents).get(0);
                    return new ApprovalResult(ex, a.owner, a.spender, Amount.ofWei(a.value, token));
                });
        });
    }

    /**
     * Moves {@code amount} from {@code from} to {@code to} using the allowance {@code from} gave the
     * client's account. Checks the balance and the allowance first.
     */
    public Operation<TransferResult> transferFrom(Amount amount, String from, String to) {
        Inputs.positive(amount, "transfer amount");
        Inputs.address(from, "owner");
        Inputs.address(to, "recipient");
        String token = erc20(amount.token());
        return ctx.<TransferResult>operation("transfer " + amount + " from " + from + " to " + to, plan -> {
            onThisChain(amount.token());
            String spender = ctx.account();
            Approvals.holds(plan, from, amount);
            plan.check(Check.of(amount.token().symbol() + " allowance", ERC20::load, token, (ERC20 e) -> e.call_allowance(from, spender))
                        .requireOr(a -> a.compareTo(amount.wei()) >= 0, a -> new InsufficientFundsException(
                                ErrorCode.INSUFFICIENT_ALLOWANCE, amount, Amount.ofWei(a, amount.token()),
                                amount + " exceeds the allowance of " + Amount.ofWei(a, amount.token()) + " that " + from
                                        + " gave " + spender)))
                .step(Step.of("transferFrom " + amount + " from " + from + " to " + to, ERC20::load, token,
                        e -> e.call_transferFrom(from, to, amount.wei())))
                .result(ex -> {
                    ERC20.TransferEventResponse t = ex.events(token, ERC20::getTransferEvents).get(0);
                    return new TransferResult(ex, t.from, t.to, Amount.ofWei(t.value, amount.token()));
                });
        });
    }

    /**
     * Signs now an EIP-2612 permit for {@code spender} to pull {@code amount} from the client's account until
     * {@code deadline}. The token's EIP-712 domain is read at this call: its EIP-5267 {@code eip712Domain()}
     * where it has one, else its {@code name()} with its {@code version()} (or "1", then "2"), and in both
     * cases checked against its {@code DOMAIN_SEPARATOR()} before anything is signed (see
     * {@link Eip712DomainReader}). One batched read, with the permit nonce.
     *
     * @throws InvalidInputException when the token has no permit
     * @throws io.restake4j.errors.Eip712DomainMismatchException when its domain cannot be confirmed (nothing signed)
     */
    public PermitSignature signPermit(Amount amount, String spender, Instant deadline) {
        return signPermit(amount, spender, deadline, null, null);
    }

    /**
     * As {@link #signPermit(Amount, String, Instant)}, for a token whose EIP-712 domain name is not its
     * {@code name()} (ether.fi's eETH: name "ether.fi ETH", domain "EETH"). The domain is still checked against
     * the token's {@code DOMAIN_SEPARATOR()} before anything is signed.
     *
     * @param domainName    the EIP-712 domain name the token hashes (null: from the token)
     * @param domainVersion the EIP-712 domain version the token hashes (null: from the token, or "1"/"2")
     */
    public PermitSignature signPermit(Amount amount, String spender, Instant deadline, String domainName, String domainVersion) {
        Inputs.positive(amount, "permit amount");
        Inputs.address(spender, "spender");
        if (deadline == null || !deadline.isAfter(Instant.now())) {
            throw new InvalidInputException(ErrorCode.EXPIRED, "permit deadline must be in the future, was " + deadline);
        }
        Signer signer = ctx.signer().orElse(null);
        if (signer == null) {
            throw new InvalidInputException(ErrorCode.NO_SIGNER, "this client has no signer: it cannot sign a permit");
        }
        String token = erc20(amount.token());
        String owner = signer.address();
        ReadBatch batch = ctx.reads().newBatch();
        Read<BigInteger> nonce = batch.add(ERC20Permit::load, token, e -> e.call_nonces(owner));
        Supplier<Eip712Domain> domain = new Eip712DomainReader(ctx.reads(), ctx.chainId()).add(batch, token, domainName,
                domainVersion == null ? List.of() : List.of(domainVersion));
        batch.execute();
        onThisChain(amount.token());
        if (!nonce.succeeded()) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, amount.token().symbol() + " at " + token + " does not support EIP-2612 permits");
        }
        BigInteger deadlineSeconds = BigInteger.valueOf(deadline.getEpochSecond());
        TypedData data = PermitSignature.typedData(domain.get(), owner, spender, amount.wei(), nonce.get(), deadlineSeconds);
        Signature signature = Signature.of(signer.signDigest(data.digest()));
        return new PermitSignature(token, owner, spender, amount.wei(), nonce.get(), deadlineSeconds, signature);
    }

    private String erc20(Token token) {
        if (token == null) {
            throw new InvalidInputException(ErrorCode.MISSING, "token is missing");
        }
        if (token.isNative()) {
            throw new InvalidInputException(ErrorCode.WRONG_TOKEN, "ether is not an ERC-20 token; send it with a plain transaction");
        }
        return token.address();
    }

    /**
     * Refuses a token of another chain; a client whose node is on another chain than it was configured for reports
     * that first (CHAIN_MISMATCH).
     */
    private void onThisChain(Token token) {
        if (token.chainId().isPresent() && token.chainId().getAsLong() != ctx.network().chainId()) {
            ctx.verifyChain(); // a client on the wrong node says that first
        }
        Inputs.onChain(token, ctx.network(), "token");
    }
}
