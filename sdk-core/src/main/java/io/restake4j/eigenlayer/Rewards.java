package io.restake4j.eigenlayer;

import io.restake4j.tx.TxResult;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.web3j.utils.Numeric;

import io.restake4j.contracts.common.Multicall3;
import io.restake4j.contracts.eigenlayer.RewardsCoordinator;
import io.restake4j.eigenlayer.rewards.ClaimVerification;
import io.restake4j.eigenlayer.rewards.RewardsClaim;
import io.restake4j.eigenlayer.rewards.RewardsProof;
import io.restake4j.eigenlayer.rewards.RewardsProofJson;
import io.restake4j.eigenlayer.rewards.TokenLeaf;
import io.restake4j.errors.ErrorCode;
import io.restake4j.errors.InvalidInputException;
import io.restake4j.internal.Inputs;
import io.restake4j.read.Read;
import io.restake4j.read.ReadBatch;
import io.restake4j.tx.Check;
import io.restake4j.tx.Operation;
import io.restake4j.tx.Plan;
import io.restake4j.tx.Step;

/**
 * EigenLayer rewards for an earner: distribution roots, claims and claimers. A claim comes from a proof
 * (the JSON EigenLayer's tooling produces, or {@link io.restake4j.eigenlayer.rewards.RewardsTree} for
 * earnings of your own); before anything is signed it is verified locally against its root, bound to
 * the root's index on chain, stripped of tokens already claimed in full (one such token would revert the
 * whole claim), and checked for the caller (the earner's claimer, or the earner when none is set).
 *
 * <pre>{@code
 * Rewards rewards = client.eigenLayer().rewards();
 * RewardsProof proof = RewardsProofJson.read(Path.of("claim.json"));
 * RewardsClaimed paid = rewards.claim(proof, client.account()).send();
 * }</pre>
 */
public final class Rewards {

    private final EigenLayerContext ctx;

    Rewards(EigenLayerContext ctx) {
        this.ctx = ctx;
    }

    /** How many distribution roots have been posted. */
    public long distributionRootsLength() {
        return ctx.readOne(RewardsCoordinator::load, ctx.rewardsCoordinator, RewardsCoordinator::call_getDistributionRootsLength)
                .longValueExact();
    }

    /** The root at {@code index}. */
    public DistributionRoot distributionRoot(long index) {
        if (index < 0) {
            throw new InvalidInputException(ErrorCode.NOT_POSITIVE, "root index cannot be negative: " + index);
        }
        ReadBatch batch = ctx.reader.newBatch();
        Read<RewardsCoordinator.DistributionRoot> r = batch.add(RewardsCoordinator::load, ctx.rewardsCoordinator,
                rc -> rc.call_getDistributionRootAtIndex(BigInteger.valueOf(index)));
        batch.execute();
        if (!r.succeeded()) {
            throw new InvalidInputException(ErrorCode.NOT_FOUND, "there is no distribution root #" + index);
        }
        return of(index, r.get());
    }

    /** The latest root that is active and not disabled, if any (two batched reads). */
    public Optional<DistributionRoot> currentClaimableRoot() {
        ReadBatch batch = ctx.reader.newBatch();
        Read<RewardsCoordinator.DistributionRoot> r = batch.add(RewardsCoordinator::load, ctx.rewardsCoordinator,
                RewardsCoordinator::call_getCurrentClaimableDistributionRoot);
        batch.execute();
        if (!r.succeeded() || new BigInteger(1, r.get().root).signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(of(rootIndex(r.get().root), r.get()));
    }

    /** The claimer the earner has set (the zero address when none: the earner claims itself). */
    public String claimerOf(String earner) {
        Inputs.address(earner, "earner");
        return ctx.readOne(RewardsCoordinator::load, ctx.rewardsCoordinator, rc -> rc.call_claimerFor(earner));
    }

    /** Lets {@code claimer} claim the client account's rewards (the zero address removes the claimer). */
    public Operation<TxResult> setClaimer(String claimer) {
        if (claimer == null || !claimer.matches("0x[0-9a-fA-F]{40}")) {
            throw new InvalidInputException(ErrorCode.MALFORMED_ADDRESS, "claimer is not an address: " + claimer);
        }
        return ctx.<TxResult>operation("set " + claimer + " as rewards claimer of " + ctx.account(), plan -> plan
                .step(Step.raw("setClaimerFor " + claimer, ctx.rewardsCoordinator,
                        RewardsCoordinator.getABI_send_setClaimerFor(claimer), BigInteger.ZERO))
                .result(TxResult::new));
    }

    /** Claims from a proof in EigenLayer's JSON form; see {@link #claim(RewardsProof, String)}. */
    public Operation<RewardsClaimed> claimFromJson(String proofJson, String recipient) {
        return claim(RewardsProofJson.parse(proofJson), recipient);
    }

    /**
     * Claims what {@code proof} proves for its earner, paying {@code recipient}. Built with two batched
     * reads (the root's index, then its state with the claimed amounts and the claimer); refused before
     * signing when the proof does not verify, its root is not posted, not yet active or disabled,
     * everything in it is already claimed, or the client account may not claim for the earner. The
     * coordinator's own {@code checkClaim} runs in the same simulation as the claim.
     */
    public Operation<RewardsClaimed> claim(RewardsProof proof, String recipient) {
        return claimAll(List.of(proof), recipient);
    }

    /**
     * Claims several proofs (several earners, or several roots' worth) in one {@code processClaims}
     * transaction, paying {@code recipient}; each proof is prepared as in {@link #claim}.
     */
    public Operation<RewardsClaimed> claimAll(List<RewardsProof> proofs, String recipient) {
        if (proofs == null || proofs.isEmpty()) {
            throw new InvalidInputException(ErrorCode.MISSING, "no claim proofs given");
        }
        Inputs.address(recipient, "recipient");
        List<RewardsProof> given = List.copyOf(proofs);
        String described = given.stream().map(p -> p == null || p.claim() == null ? "?" : p.claim().earner()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return ctx.<RewardsClaimed>operation("claim rewards of " + described + " to " + recipient, plan -> {
            List<Prepared> prepared = given.stream().map(this::prepare).toList();
            List<String> earnerList = prepared.stream().map(p -> p.claim().earner()).distinct().toList();
            String earners = String.join(", ", earnerList);
            long activation = prepared.stream().mapToLong(p -> p.root().activatedAt().getEpochSecond()).max().getAsLong();
            DistributionRoot latest = prepared.stream().max(java.util.Comparator.comparing(p -> p.root().activatedAt()))
                    .orElseThrow().root();
            // evaluated in the simulated block: its timestamp is when the claim would land
            plan.check(Check.of("block timestamp", Multicall3::load, ctx.network.multicall3(), Multicall3::call_getCurrentBlockTimestamp)
                    .require(ErrorCode.NOT_READY, t -> t.longValueExact() >= activation, t -> "distribution root #" + latest.index()
                            + " is not active yet: it activates at " + latest.activatedAt() + " (in "
                            + (activation - t.longValueExact()) + " s)"));
            List<RewardsCoordinator.RewardsMerkleClaim> structs = new ArrayList<>();
            for (Prepared p : prepared) {
                RewardsCoordinator.RewardsMerkleClaim struct = toAbi(p.claim());
                structs.add(struct);
                plan.check(Check.of("RewardsCoordinator.checkClaim for " + p.claim().earner() + " against root #" + p.root().index(),
                        RewardsCoordinator::load, ctx.rewardsCoordinator, (RewardsCoordinator rc) -> rc.call_checkClaim(struct))
                        .require(ErrorCode.INVALID_ARGUMENT, Boolean::booleanValue, ok -> "the RewardsCoordinator rejects the claim of " + p.claim().earner()));
            }
            String calldata = structs.size() == 1 ? RewardsCoordinator.getABI_send_processClaim(structs.get(0), recipient)
                    : RewardsCoordinator.getABI_send_processClaims(structs, recipient);
            int tokens = prepared.stream().mapToInt(p -> p.claim().tokenCount()).sum();
            plan.step(Step.raw((structs.size() == 1 ? "processClaim" : "processClaims") + " for " + earners + " (" + tokens
                    + " token leaf/leaves)", ctx.rewardsCoordinator, calldata, BigInteger.ZERO));
            plan.result(ex -> {
                Map<String, BigInteger> paid = new LinkedHashMap<>();
                for (RewardsCoordinator.RewardsClaimedEventResponse e : ex.events(ctx.rewardsCoordinator, RewardsCoordinator::getRewardsClaimedEvents)) {
                    paid.merge(EigenLayerContext.key(e.token), e.claimedAmount, BigInteger::add);
                }
                return new RewardsClaimed(ex, earnerList, recipient, paid);
            });
        });
    }

    /** A proof checked and bound to its root on chain, without the tokens already claimed in full. */
    private record Prepared(RewardsClaim claim, DistributionRoot root) {
    }

    private Prepared prepare(RewardsProof proof) {
        if (proof == null) {
            throw new InvalidInputException(ErrorCode.MISSING, "proof is missing");
        }
        ClaimVerification local = proof.verify();
        if (!local.isValid()) {
            throw new InvalidInputException(ErrorCode.INVALID_ARGUMENT, "the claim proof does not verify against root " + proof.rootHex() + ": "
                    + local.message() + " (the RewardsCoordinator would revert " + local.status().contractError() + ")");
        }
        long index = rootIndex(proof.root());
        RewardsClaim claim = proof.claim().withRootIndex(index);
        String earner = claim.earner();

        ReadBatch batch = ctx.reader.newBatch();
        Read<RewardsCoordinator.DistributionRoot> root = batch.add(RewardsCoordinator::load, ctx.rewardsCoordinator,
                rc -> rc.call_getDistributionRootAtIndex(BigInteger.valueOf(index)));
        Read<String> claimer = batch.add(RewardsCoordinator::load, ctx.rewardsCoordinator, rc -> rc.call_claimerFor(earner));
        Map<String, Read<BigInteger>> claimed = new LinkedHashMap<>();
        for (TokenLeaf leaf : claim.tokenLeaves()) {
            claimed.put(leaf.token(), batch.add(RewardsCoordinator::load, ctx.rewardsCoordinator,
                    rc -> rc.call_cumulativeClaimed(earner, leaf.token())));
        }
        batch.execute();

        DistributionRoot state = of(index, root.get());
        if (state.disabled()) {
            throw new InvalidInputException(ErrorCode.PROTOCOL_STATE, "distribution root #" + index + " (" + state.root() + ") is disabled");
        }
        String caller = ctx.account();
        String allowed = EigenLayerContext.isZero(claimer.get()) ? earner : claimer.get();
        if (!allowed.equalsIgnoreCase(caller)) {
            throw new InvalidInputException(ErrorCode.NOT_PERMITTED, caller + " may not claim for " + earner + ": only "
                    + (EigenLayerContext.isZero(claimer.get()) ? "the earner itself" : "its claimer " + claimer.get()) + " may");
        }
        Map<String, BigInteger> already = new LinkedHashMap<>();
        claimed.forEach((t, r) -> already.put(t, r.get()));
        RewardsClaim toSend = claim.withoutFullyClaimed(already);
        if (toSend.tokenCount() == 0) {
            throw new InvalidInputException(ErrorCode.ALREADY_DONE, "everything this proof gives " + earner + " has already been claimed "
                    + "(cumulative earnings do not exceed what was claimed for any of its " + claim.tokenCount() + " token(s))");
        }
        return new Prepared(toSend, state);
    }

    private long rootIndex(byte[] root) {
        ReadBatch batch = ctx.reader.newBatch();
        Read<BigInteger> index = batch.add(RewardsCoordinator::load, ctx.rewardsCoordinator, rc -> rc.call_getRootIndexFromHash(root));
        batch.execute();
        if (!index.succeeded()) {
            throw new InvalidInputException(ErrorCode.NOT_FOUND, "distribution root " + Numeric.toHexString(root)
                    + " has not been posted to the RewardsCoordinator at " + ctx.rewardsCoordinator);
        }
        return index.get().longValueExact();
    }

    private static DistributionRoot of(long index, RewardsCoordinator.DistributionRoot r) {
        return new DistributionRoot(index, Numeric.toHexString(r.root), r.rewardsCalculationEndTimestamp.longValueExact(),
                Instant.ofEpochSecond(r.activatedAt.longValueExact()), r.disabled);
    }

    static RewardsCoordinator.RewardsMerkleClaim toAbi(RewardsClaim c) {
        List<RewardsCoordinator.TokenTreeMerkleLeaf> leaves = new ArrayList<>();
        c.tokenLeaves().forEach(l -> leaves.add(new RewardsCoordinator.TokenTreeMerkleLeaf(l.token(), l.cumulativeEarnings())));
        return new RewardsCoordinator.RewardsMerkleClaim(BigInteger.valueOf(c.rootIndex()), BigInteger.valueOf(c.earnerIndex()),
                c.earnerTreeProof(), new RewardsCoordinator.EarnerTreeMerkleLeaf(c.earnerLeaf().earner(),
                        c.earnerLeaf().earnerTokenRoot()),
                c.tokenIndices().stream().map(BigInteger::valueOf).toList(), c.tokenTreeProofs(), leaves);
    }
}
