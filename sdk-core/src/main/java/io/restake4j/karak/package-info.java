/**
 * Karak for stakers ({@code client.karak()}): the v1.3 VaultSupervisor (Ethereum, Arbitrum and other chains) and the
 * v2 Core's operator vaults ({@link io.restake4j.karak.KarakV2Vault}, Arbitrum). Deposits carry a slippage bound
 * ({@code minSharesOut} from the vault's own preview, or a fixed bound refused once the rate passed it); exits use the
 * SDK's exit vocabulary (start, pending from chain state with the {@code Instant} each unlocks, finish); v1 credit
 * moves to a v2 vault with {@code migrateToV2} where the deployed supervisor has it; {@code positions} reads v1 and
 * v2 holdings in a few batches, and a v2 vault's {@code exposure} names its DSSs and pending slashings.
 *
 * <pre>{@code
 * Karak karak = client.karak();
 * karak.deposit(vault, Amount.parse("10", wstETH), 50).send();        // at most 0.5 % fewer shares than quoted
 * karak.startWithdraw(vault, shares).send();
 * karak.finishWithdraw(karak.withdrawals().get(0)).send();           // refused before it unlocks
 * KarakV2Vault v2 = karak.v2Vault(address);
 * v2.startRedeem(v2.position().shares()).send();                     // nine days, paid at the rate then
 * }</pre>
 */
package io.restake4j.karak;
