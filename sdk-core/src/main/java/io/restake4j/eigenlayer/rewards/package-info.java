/**
 * EigenLayer rewards Merkle engine: builds the RewardsCoordinator's distribution tree from cumulative
 * earnings, produces claims with proofs, verifies claims exactly as the contract does (reporting the
 * custom error a submission would revert with), and reads/writes the proof JSON of EigenLayer's
 * tooling. Pure computation: no RPC, no generated contract wrappers.
 *
 * <pre>{@code
 * RewardsEarnings earnings = RewardsEarnings.builder()
 *         .add(earner, token, new BigInteger("2500000000000000000"))
 *         .build();
 * RewardsTree tree = RewardsTree.build(earnings);
 * RewardsClaim claim = tree.claim(rootIndex, earner);
 * claim.verify(tree.root()).orThrow();
 *
 * RewardsProof fromCli = RewardsProofJson.read(Path.of("proof.json"));
 * ClaimVerification v = fromCli.verify();   // VALID, or e.g. ROOT_MISMATCH with the reason
 * }</pre>
 */
package io.restake4j.eigenlayer.rewards;
