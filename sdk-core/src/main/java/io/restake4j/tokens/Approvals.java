package io.restake4j.tokens;

import java.math.BigInteger;

import io.restake4j.contracts.common.ERC20;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InsufficientFundsException;
import io.restake4j.tx.Check;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;
import io.restake4j.units.Amount;

/**
 * The approval part of any flow where a contract pulls tokens: a check of the current allowance and
 * an approval step sent only when it is short (exact amount by default). Protocol packages add it to
 * their plans before the pulling step; the allowance and the pull are simulated together.
 *
 * <pre>{@code
 * Plan.Builder<R> plan = Plan.builder("deposit");
 * Approvals.require(plan, owner, vault, amount, ApprovalPolicy.EXACT);
 * plan.step(depositStep);
 * }</pre>
 */
public final class Approvals {

    /** {@code 2^256 - 1}. */
    public static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    private Approvals() {
    }

    /**
     * Adds to {@code plan} a balance check (the owner holds {@code amount}), an allowance check, and an
     * approval step for {@code spender} when the allowance is below {@code amount}.
     *
     * @return the allowance check, whose value the result mapper may read
     */
    public static Check<BigInteger> require(Plan.Builder<?> plan, String owner, String spender, Amount amount,
            ApprovalPolicy policy) {
        String token = amount.token().address();
        plan.check(balanceCheck(owner, amount));
        Check<BigInteger> allowance = Check.of(amount.token().symbol() + " allowance of " + spender, ERC20::load, token,
                e -> e.call_allowance(owner, spender));
        plan.check(allowance);
        BigInteger value = policy == ApprovalPolicy.UNLIMITED ? UNLIMITED : amount.wei();
        Step approve = Step.of("approve " + (policy == ApprovalPolicy.UNLIMITED ? "unlimited " + amount.token().symbol()
                : amount.toString()) + " for " + spender, ERC20::load, token, e -> e.call_approve(spender, value));
        plan.stepIf(r -> r.get(allowance).compareTo(amount.wei()) < 0, approve);
        return allowance;
    }

    /**
     * The permit path every "...WithPermit" operation shares, run inside a planner: signs, at this run, an EIP-2612
     * permit for {@code spender} to pull {@code amount} from {@code owner} until {@code deadline} (the token's domain
     * read and checked on chain, see {@link Tokens#signPermit(Amount, String, Instant, String, String)}), and adds
     * the balance check a permit cannot make. Pass the result to the step with
     * {@link PermitSignature#as(PermitSignature.Encoding)}.
     *
     * <pre>{@code
     * PermitSignature p = Approvals.permit(plan, ctx.tokens(), owner, amount, queue, deadline, null, null);
     * plan.step(Step.raw("requestWithdrawalsWithPermit", queue,
     *         WithdrawalQueueERC721.getABI_send_requestWithdrawalsWithPermit(parts, owner, p.as(PermitInput::new)), ZERO));
     * }</pre>
     *
     * @param domainName    the token's EIP-712 domain name where it is not its {@code name()}; null otherwise
     * @param domainVersion the token's EIP-712 domain version where known; null to read it
     */
    public static PermitSignature permit(Plan.Builder<?> plan, Tokens tokens, String owner, Amount amount, String spender,
            java.time.Instant deadline, String domainName, String domainVersion) {
        PermitSignature p = tokens.signPermit(amount, spender, deadline, domainName, domainVersion);
        plan.check(balanceCheck(owner, amount));
        return p;
    }

    /** A check that {@code owner} holds at least {@code amount} (and that the token is a contract). */
    public static Check<BigInteger> balanceCheck(String owner, Amount amount) {
        return Check.of(amount.token().symbol() + " balance of " + owner, ERC20::load, amount.token().address(),
                (ERC20 e) -> e.call_balanceOf(owner))
                .requireOr(b -> b.compareTo(amount.wei()) >= 0, b -> new InsufficientFundsException(ErrorCode.INSUFFICIENT_BALANCE,
                        amount, Amount.ofWei(b, amount.token()),
                        amount + " exceeds the balance of " + Amount.ofWei(b, amount.token()) + " held by " + owner));
    }
}
