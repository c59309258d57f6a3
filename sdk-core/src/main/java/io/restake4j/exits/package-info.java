/**
 * One exit vocabulary for every protocol: whatever a protocol calls it (an EigenLayer queued withdrawal, a Lido
 * unstETH request, an ether.fi WithdrawRequestNFT, an epoch withdrawal), it is a {@link io.restake4j.exits.Withdrawal}
 * with an {@link io.restake4j.exits.ExitStatus}, a {@link io.restake4j.exits.Readiness} (a block, a time, an epoch or an
 * oracle's decision, with an estimated {@code Instant} where one can be known) and a payout in {@code Amount}s of any
 * token; each protocol's {@code withdrawals()} is a {@link io.restake4j.exits.WithdrawalQueue}.
 *
 * <pre>{@code
 * WithdrawalQueue<?, ?, ?> queue = client.lido().withdrawals();
 * for (Withdrawal w : queue.pending()) {
 *     System.out.println(w.id() + " " + w.status() + " " + w.readiness() + " pays " + w.claimable());
 * }
 * }</pre>
 */
package io.restake4j.exits;
